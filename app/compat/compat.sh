#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026 The Lockstep authors
#
# The compat suite: DPDK's own example sources (Debian's dpdk-doc ships
# them, without any library), built unmodified with their makefiles
# against Lockstep installed in a scratch directory (through libdpdk.pc),
# then hotplug_mp and simple_mp driven across a primary and a secondary.
#
#   compat.sh BUILD_DIR
# Exit 77 (skipped) when the example sources are not installed.
set -u
build=$(cd "$1" && pwd)
src=/usr/share/dpdk/examples

# One line for buildtools/test.sh's summary, as the cmocka runner writes.
record() {
	[ -n "${LOCKSTEP_TEST_RESULTS:-}" ] && echo "$1 compat/dpdk_examples${2:+ $2}" >>"$LOCKSTEP_TEST_RESULTS"
	return 0
}
if [ ! -d "$src/multi_process/hotplug_mp" ]; then
	echo "SKIP: DPDK's example sources are not installed (Debian package dpdk-doc)"
	record SKIP "dpdk-doc is not installed"
	exit 77
fi

work=$(mktemp -d /tmp/lockstep-compat.XXXXXX)
pids=()
# What a group killed here leaves: its runtime directory, and its heap
# file when that is in /dev/shm (the EAL's rules for both).
. "$(dirname "$0")/../../buildtools/deps.sh"
rundir=$(runtime_base)
finish() {
	local pid p
	for pid in "${pids[@]}"; do
		kill -9 "$pid" 2>/dev/null
	done
	wait 2>/dev/null
	for p in "compat_$$" "compat2_$$"; do
		rm -rf "${rundir:?}/$p" "/dev/shm/lockstep.$(id -u).$p.heap"
	done
	rm -rf "$work"
}
trap finish EXIT
trap 'exit 1' TERM INT
fail() {
	echo "FAIL: $*"
	record FAIL "$*"
	exit 1
}

# Install into the scratch directory; pkg-config sees only what is there.
DESTDIR="$work/root" meson install -C "$build" --no-rebuild --quiet >"$work/install.log" 2>&1 ||
	fail "meson install: $(tail -3 "$work/install.log")"
pcdir=$(dirname "$(find "$work/root" -name lockstep.pc | head -1)")
[ -f "$pcdir/libdpdk.pc" ] || fail "libdpdk.pc not installed (configure with -Ddpdk_compat_pc=true)"
export PKG_CONFIG_LIBDIR="$pcdir" PKG_CONFIG_SYSROOT_DIR="$work/root"
# pkgconf puts the sysroot in front of libdir already.
export LD_LIBRARY_PATH=$(pkg-config --variable=libdir lockstep)

# Build each example with its own makefile, from a copy of the sources.
examples="helloworld skeleton multi_process/hotplug_mp multi_process/simple_mp
	multi_process/symmetric_mp multi_process/client_server_mp"
for ex in $examples; do
	mkdir -p "$work/src/$ex"
	cp -r "$src/$ex/." "$work/src/$ex/"
	[ "$ex" = multi_process/client_server_mp ] && cp -r "$src/$ex/shared" "$work/src/$ex/"
	if ! make -C "$work/src/$ex" >"$work/make.log" 2>&1; then
		tail -20 "$work/make.log"
		fail "building DPDK's examples/$ex against Lockstep"
	fi
	echo "built examples/$ex"
done

# drive NAME: a process reading commands from a fifo, its output in NAME.out.
start() {
	local name=$1
	shift
	mkfifo "$work/$name.in"
	# Line-buffered: the examples print from worker lcores without flushing.
	stdbuf -oL "$@" <"$work/$name.in" >"$work/$name.out" 2>"$work/$name.err" &
	pids+=($!)
	eval "exec {fd_$name}>\"$work/$name.in\""
}
say() {
	local fdvar="fd_$1"
	printf '%s\n' "$2" >&"${!fdvar}"
}
# wait_for NAME TEXT [FROM]: until NAME's output (past byte FROM) holds TEXT (at most 10 s).
wait_for() {
	local i
	for i in $(seq 1 100); do
		tail -c +$((${3:-0} + 1)) "$work/$1.out" | grep -qF -- "$2" && return 0
		sleep 0.1
	done
	echo "--- $1 output:"; cat "$work/$1.out"; echo "--- $1 log:"; tail -20 "$work/$1.err"
	fail "$1 did not print '$2'"
}
size_of() {
	wc -c <"$work/$1.out"
}
# Every started process must exit by itself within 10 s.
wait_all() {
	local i pid
	for i in $(seq 1 100); do
		for pid in "${pids[@]}"; do
			kill -0 "$pid" 2>/dev/null && break
			pid=""
		done
		if [ -z "$pid" ]; then
			wait "${pids[@]}" 2>/dev/null
			pids=()
			return 0
		fi
		sleep 0.1
	done
	fail "processes did not quit"
}

prefix="compat_$$"
hp="$work/src/multi_process/hotplug_mp/build/hotplug_mp"
start hp_primary "$hp" -l 0 --no-huge --file-prefix "$prefix" --proc-type=primary
sleep 0.5
start hp_secondary "$hp" -l 1 --no-huge --file-prefix "$prefix" --proc-type=secondary
sleep 0.5
say hp_primary "attach net_null0"
wait_for hp_primary "attached device net_null0"
say hp_secondary "list"
wait_for hp_secondary "net_null0"
say hp_secondary "detach net_null0"
wait_for hp_secondary "detached device net_null0"
from=$(size_of hp_primary)
say hp_primary "list"
wait_for hp_primary "list all etherdev" "$from"
sleep 0.2
tail -c +$((from + 1)) "$work/hp_primary.out" | grep -q net_null0 &&
	fail "net_null0 still listed in the primary after the secondary detached it"
say hp_secondary "quit"
say hp_primary "quit"
wait_all
echo "hotplug_mp: attach in the primary, list and detach in the secondary: ok"

prefix="compat2_$$"
sm="$work/src/multi_process/simple_mp/build/simple_mp"
start sm_primary "$sm" -l 0-1 --no-huge --file-prefix "$prefix" --proc-type=primary
sleep 0.5
start sm_secondary "$sm" -l 0-1 --no-huge --file-prefix "$prefix" --proc-type=secondary
sleep 0.5
say sm_primary "send hello_secondary"
wait_for sm_secondary "Received 'hello_secondary'"
say sm_secondary "send hello_primary"
wait_for sm_primary "Received 'hello_primary'"
say sm_secondary "quit"
say sm_primary "quit"
wait_all
echo "simple_mp: messages both ways between a primary and a secondary: ok"
record PASS
