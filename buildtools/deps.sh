# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026 The Lockstep authors
#
# Sourced by demo.sh and test.sh: make sure the Debian packages Lockstep
# builds with are installed. As root, install what is missing; otherwise
# name the packages and stop.

LOCKSTEP_PACKAGES="meson ninja-build pkg-config gcc libc6-dev libnuma-dev libpcap-dev libcmocka-dev libedit-dev"

ensure_packages() {
	local missing="" p
	for p in $LOCKSTEP_PACKAGES "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
			missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	if [ "$(id -u)" -ne 0 ]; then
		echo "missing Debian packages:$missing" >&2
		echo "install them with: sudo apt-get install$missing" >&2
		exit 1
	fi
	echo "installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get install -y --no-install-recommends $missing >/dev/null ||
		{ apt-get update >/dev/null && apt-get install -y --no-install-recommends $missing >/dev/null; } ||
		{ echo "apt-get install$missing failed" >&2; exit 1; }
}

# meson setup, or reconfigure when the directory already exists.
setup_build() {
	local dir=$1
	shift
	if [ -f "$dir/build.ninja" ]; then
		meson configure "$dir" "$@" >/dev/null
	else
		meson setup "$dir" "$@" >/dev/null
	fi
}
