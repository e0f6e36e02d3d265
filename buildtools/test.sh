#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026 The Lockstep authors
#
# Build Lockstep and run every test suite: unit, mp and compat (DPDK's own
# example sources built against Lockstep) on a normal build in build/;
# unit and mp again on an ASan+UBSan build in build-asan/; then the
# libFuzzer targets for a bounded time (clang, build-fuzz/). The last line
# printed is the summary, "tests: N passed, N failed, N skipped", counting
# each test of each pass (a fuzz target is one test). Exit status 0 when
# nothing failed.
#
#   --quick   skip the sanitizer and fuzz passes
set -u
cd "$(dirname "$0")/.."
. buildtools/deps.sh

quick=0
for arg in "$@"; do
	case $arg in
	--quick) quick=1 ;;
	*) echo "usage: $0 [--quick]" >&2; exit 2 ;;
	esac
done

if [ $quick -eq 0 ]; then
	ensure_packages clang libclang-rt-14-dev dpdk-doc
else
	ensure_packages
fi

total_pass=0
total_fail=0
total_skip=0

# Tests name their groups lst_<pid>_<n>; remove what a test run killed from
# outside left behind: runtime directories and heap files.
sweep_test_leftovers() {
	local base f pid name
	base=$(runtime_base)
	for f in "$base"/lst_* /dev/shm/lockstep.$(id -u).lst_* \
		$(awk '$3 == "hugetlbfs" { print $2 }' /proc/mounts | sed "s|\$|/lockstep.$(id -u).lst_*|"); do
		[ -e "$f" ] || continue
		name=${f##*/}
		pid=${name#*lst_}
		pid=${pid%%_*}
		kill -0 "$pid" 2>/dev/null || rm -rf "$f"
	done
}

# Each fuzz target runs for a bounded time (its meson test) and must find nothing.
run_fuzz_pass() {
	local dir=build-fuzz pass fail
	echo "== fuzz: building in $dir (clang)"
	if ! { [ -f "$dir/build.ninja" ] ||
	       CC=clang meson setup "$dir" -Dfuzz=true -Dtests=false -Dexamples=false \
			-Db_lundef=false >/dev/null; } || ! ninja -C "$dir" >"$dir.log" 2>&1; then
		tail -40 "$dir.log" 2>/dev/null
		echo "fuzz: build failed"
		total_fail=$((total_fail + 1))
		return
	fi
	meson test -C "$dir" --suite fuzz >"$dir/test-output.txt" 2>&1
	grep -E "^ *[0-9]+/[0-9]+ " "$dir/test-output.txt"
	pass=$(grep -cE "^ *[0-9]+/[0-9]+ .* OK " "$dir/test-output.txt")
	# A fuzz target has no reason to skip: a skip is a finding reported as 77.
	fail=$(grep -cE "^ *[0-9]+/[0-9]+ .* (FAIL|TIMEOUT|ERROR|SKIP) " "$dir/test-output.txt")
	echo "fuzz: $pass passed, $fail failed, 0 skipped"
	total_pass=$((total_pass + pass))
	total_fail=$((total_fail + fail))
}

trap restore_hugepages EXIT
setup_hugepages
sweep_test_leftovers
# DPDK's examples are built against the plain build only: a program built
# without the sanitizers cannot load libraries built with them.
run_pass default build 1 "unit mp compat" -Ddpdk_compat_pc=true
if [ $quick -eq 0 ]; then
	# Leaks are reported at exit; UB stops the test that hits it.
	export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
	export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
	run_pass sanitized build-asan 3 "unit mp" -Db_sanitize=address,undefined -Db_lundef=false
	run_fuzz_pass
fi
sweep_test_leftovers

echo "tests: $total_pass passed, $total_fail failed, $total_skip skipped"
[ "$total_fail" -eq 0 ]
