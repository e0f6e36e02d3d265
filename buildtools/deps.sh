# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026 The Lockstep authors
#
# Sourced by demo.sh, test.sh and the compat suite: make sure the Debian
# packages Lockstep builds with are installed (as root, install what is
# missing; otherwise name the packages and stop), and where process groups
# keep their runtime directories.

LOCKSTEP_PACKAGES="meson ninja-build pkg-config gcc libc6-dev libnuma-dev libpcap-dev libcmocka-dev libedit-dev iproute2"

# The EAL's rule for the directory holding each group's runtime directory.
runtime_base() {
	if [ "$(id -u)" -eq 0 ]; then
		echo /var/run/lockstep
	elif [ -n "${XDG_RUNTIME_DIR:-}" ]; then
		echo "$XDG_RUNTIME_DIR/lockstep"
	else
		echo "/tmp/lockstep-$(id -u)"
	fi
}

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

# As root, make sure hugepages can be had: a hugetlbfs mount and at least
# ${1:-256} free 2 MB pages. Call restore_hugepages on exit to put back
# whatever was changed.
hugepages_nr=/sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages
hugepages_orig=""
hugepages_mount=""
restore_hugepages() {
	[ -n "$hugepages_mount" ] && umount "$hugepages_mount" && rmdir "$hugepages_mount"
	[ -n "$hugepages_orig" ] && echo "$hugepages_orig" >"$hugepages_nr" 2>/dev/null
	return 0
}
setup_hugepages() {
	local want=${1:-256} free
	[ "$(id -u)" -eq 0 ] && [ -w "$hugepages_nr" ] || return 0
	free=$(cat /sys/kernel/mm/hugepages/hugepages-2048kB/free_hugepages)
	if [ "$free" -lt "$want" ]; then
		hugepages_orig=$(cat "$hugepages_nr")
		echo $((hugepages_orig + want - free)) >"$hugepages_nr" 2>/dev/null
	fi
	if ! awk '$3 == "hugetlbfs" { found = 1 } END { exit !found }' /proc/mounts; then
		hugepages_mount=$(mktemp -d /tmp/lockstep-hugetlbfs.XXXXXX)
		mount -t hugetlbfs -o pagesize=2M none "$hugepages_mount" 2>/dev/null ||
			{ rmdir "$hugepages_mount"; hugepages_mount=""; }
	fi
	echo "hugepages: $(cat /sys/kernel/mm/hugepages/hugepages-2048kB/free_hugepages) free"
}

# run_pass NAME BUILD_DIR TIMEOUT_MULTIPLIER "SUITE..." [meson options...]
run_pass() {
	local name=$1 dir=$2 mult=$3 names=$4 suites=() s
	for s in $names; do
		suites+=(--suite "$s")
	done
	shift 4
	local results="$dir/test-results.txt"

	echo "== $name: building in $dir"
	if ! setup_build "$dir" -Dwerror=true "$@" || ! ninja -C "$dir" >"$dir.log" 2>&1; then
		cat "$dir.log" 2>/dev/null | tail -40
		echo "$name: build failed"
		total_fail=$((total_fail + 1))
		return
	fi
	rm -f "$results"
	echo "== $name: running the suites $names"
	LOCKSTEP_TEST_RESULTS="$PWD/$results" \
		meson test -C "$dir" "${suites[@]}" -t "$mult" --print-errorlogs \
		>"$dir/test-output.txt" 2>&1
	grep -E "^ *[0-9]+/[0-9]+ " "$dir/test-output.txt"

	local pass fail skip crashed
	pass=$(grep -c '^PASS ' "$results" 2>/dev/null)
	fail=$(grep -c '^FAIL ' "$results" 2>/dev/null)
	skip=$(grep -c '^SKIP ' "$results" 2>/dev/null)
	# A group that crashed or timed out may have recorded no FAIL line.
	crashed=$(python3 - "$dir/meson-logs/testlog.json" "$results" <<'EOF'
import json, sys
failed_groups = set()
with open(sys.argv[1]) as f:
    for line in f:
        t = json.loads(line)
        if t["result"] not in ("OK", "SKIP", "EXPECTEDFAIL"):
            failed_groups.add(t["name"])
try:
    recorded = {l.split()[1].split("/")[0] for l in open(sys.argv[2]) if l.startswith("FAIL ")}
except OSError:
    recorded = set()
print(len(failed_groups - recorded))
EOF
)
	fail=$((fail + crashed))
	grep '^SKIP ' "$results" 2>/dev/null | sed 's/^/   /'
	grep '^FAIL ' "$results" 2>/dev/null | sed 's/^/   /'
	[ "$crashed" -gt 0 ] && echo "   $crashed group(s) crashed or timed out: see $dir/test-output.txt"
	echo "$name: $pass passed, $fail failed, $skip skipped"
	total_pass=$((total_pass + pass))
	total_fail=$((total_fail + fail))
	total_skip=$((total_skip + skip))
}
