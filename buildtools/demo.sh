#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026 The Lockstep authors
#
# Build Lockstep and run the main demo: one primary (P) and two secondaries
# (A, B) of examples/multi_process/hotplug_mp, without hugepages, driven by
# a script. Devices are attached and detached from different processes and
# every process follows; one attach is made to fail in B and is rolled back
# everywhere. Each step is printed as "[process] example> command" followed
# by what the process answered (and, marked "log", what it logged).
set -eu
cd "$(dirname "$0")/.."
. buildtools/deps.sh

ensure_packages
setup_build build
ninja -C build >/dev/null

prefix="demo_$$"
work=$(mktemp -d /tmp/lockstep-demo.XXXXXX)
pids=()

# On any exit: stop the processes that are left, remove what the demo made.
finish() {
	local pid
	for pid in "${pids[@]}"; do
		kill "$pid" 2>/dev/null || true
	done
	wait 2>/dev/null || true
	rm -rf "$work"
}
trap finish EXIT

# start LABEL: a hotplug_mp process reading commands from a fifo.
start() {
	local label=$1
	mkfifo "$work/$label.in"
	build/examples/hotplug_mp -l 0 --no-huge --proc-type=auto --file-prefix "$prefix" \
		-- --label "$label" <"$work/$label.in" >"$work/$label.out" 2>"$work/$label.err" &
	pids+=($!)
	eval "exec {fd_$label}>\"$work/$label.in\""
	: >"$work/$label.seen"
	: >"$work/$label.errseen"
	settle
	echo "[$label] started (pid $!)"
}

# Wait until no process's output grows any more.
settle() {
	local before="" now i
	for i in $(seq 1 100); do
		now=$(cat "$work"/*.out "$work"/*.err 2>/dev/null | wc -c)
		[ "$now" = "$before" ] && [ "$i" -gt 2 ] && return 0
		before=$now
		sleep 0.1
	done
}

# Print what a process wrote since last time, its log lines marked.
show_new() {
	local label=$1 kind
	for kind in out err; do
		local seen="$work/$label.${kind}seen"
		[ "$kind" = out ] && seen="$work/$label.seen"
		local total skip
		total=$(wc -l <"$work/$label.$kind")
		skip=$(cat "$seen" 2>/dev/null || echo 0)
		[ -n "$skip" ] || skip=0
		if [ "$total" -gt "$skip" ]; then
			tail -n $((total - skip)) "$work/$label.$kind" |
				if [ "$kind" = out ]; then sed "s/^/[$label]   /"; else sed "s/^/[$label]   log: /"; fi
		fi
		echo "$total" >"$seen"
	done
}

# run LABEL COMMAND...: type a command into a process and show its answer,
# then what any process logged meanwhile.
run() {
	local label=$1 fdvar="fd_$1" other
	shift
	echo "[$label] example> $*"
	printf '%s\n' "$*" >&"${!fdvar}"
	settle
	show_new "$label"
	for other in P A B; do
		[ "$other" != "$label" ] && [ -f "$work/$other.err" ] && show_new "$other"
	done
	return 0
}

echo "== Lockstep hotplug demo: a primary and two secondaries, no hugepages"
start P
start A
start B
echo
echo "== attach from the primary; every process gets the port"
run P attach net_null0
run A list
run B list
echo
echo "== attach from a secondary"
run A attach net_ring0,nodeaction=demo_ring:0:CREATE
run P list
run B status
echo
echo "== detach from a secondary; it goes everywhere"
run B detach net_null0
run P list
run A status
echo
echo "== an attach that fails in B: rolled back everywhere"
run A attach fault0,fail_in=B
run P status
echo
echo "== quit, the secondaries first"
for label in B A P; do
	run "$label" quit
done
wait "${pids[@]}" 2>/dev/null || true
pids=()
dir="$(runtime_base)/$prefix"
if [ -e "$dir" ]; then
	echo "runtime directory $dir left behind"
	exit 1
fi
echo "all processes stopped, runtime directory removed"
