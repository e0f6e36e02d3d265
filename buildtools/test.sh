#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026 The Lockstep authors
#
# Build Lockstep and run every test suite (unit and mp), twice: a normal
# build in build/, then an ASan+UBSan build in build-asan/. The last line
# printed is the summary, "tests: N passed, N failed, N skipped", counting
# each test of each pass. Exit status 0 when nothing failed.
#
#   --quick   skip the sanitizer pass
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

ensure_packages

total_pass=0
total_fail=0
total_skip=0

# Remove runtime directories that test runs killed from outside left behind.
sweep_runtime_dirs() {
	local base d pid
	if [ "$(id -u)" -eq 0 ]; then
		base=/var/run/lockstep
	else
		base=${XDG_RUNTIME_DIR:-/tmp/lockstep-$(id -u)}
		[ -n "${XDG_RUNTIME_DIR:-}" ] && base=$XDG_RUNTIME_DIR/lockstep
	fi
	for d in "$base"/lst_*; do
		[ -d "$d" ] || continue
		pid=${d##*/lst_}
		pid=${pid%%_*}
		kill -0 "$pid" 2>/dev/null || rm -rf "$d"
	done
}

# run_pass NAME BUILD_DIR TIMEOUT_MULTIPLIER [meson options...]
run_pass() {
	local name=$1 dir=$2 mult=$3
	shift 3
	local results="$dir/test-results.txt"

	echo "== $name: building in $dir"
	if ! setup_build "$dir" -Dwerror=true "$@" || ! ninja -C "$dir" >"$dir.log" 2>&1; then
		cat "$dir.log" 2>/dev/null | tail -40
		echo "$name: build failed"
		total_fail=$((total_fail + 1))
		return
	fi
	rm -f "$results"
	echo "== $name: running the unit and mp suites"
	LOCKSTEP_TEST_RESULTS="$PWD/$results" \
		meson test -C "$dir" --suite unit --suite mp -t "$mult" --print-errorlogs \
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

sweep_runtime_dirs
run_pass default build 1
if [ $quick -eq 0 ]; then
	# Leaks are reported at exit; UB stops the test that hits it.
	export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
	export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
	run_pass sanitized build-asan 3 -Db_sanitize=address,undefined -Db_lundef=false
fi
sweep_runtime_dirs

echo "tests: $total_pass passed, $total_fail failed, $total_skip skipped"
[ "$total_fail" -eq 0 ]
