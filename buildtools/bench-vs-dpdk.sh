#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026 The Lockstep authors
#
# Build lockstep-bench twice from the same source, against Lockstep and
# against the system DPDK 22.11 (Debian's libdpdk-dev, installed here and
# used nowhere else), run both on this machine, and print every figure
# with the ratio Lockstep/DPDK (below 1 means Lockstep takes less: time,
# memory; for rates, Mpps, above 1 is better). DPDK runs on hugepages (its
# secondaries need them); Lockstep runs without.
#
#   buildtools/bench-vs-dpdk.sh [SECTION...]
set -eu
cd "$(dirname "$0")/.."
. buildtools/deps.sh

if [ "$(id -u)" -ne 0 ]; then
	echo "bench-vs-dpdk.sh runs as root: DPDK needs hugepages" >&2
	exit 1
fi
ensure_packages libdpdk-dev
trap restore_hugepages EXIT
setup_hugepages 512

dir=build-bench
setup_build "$dir" -Dbench_dpdk=true -Dbuildtype=release -Dtests=false
ninja -C "$dir" app/bench/lockstep-bench app/bench/lockstep-bench-dpdk >/dev/null

out=$(mktemp -d /tmp/lockstep-bench.XXXXXX)
# Section by section, Lockstep then DPDK, in BENCH_ROUNDS rounds (3), each
# figure the median of its rounds: a virtual machine's speed drifts (where
# its vCPUs land on the host; seen here: everything twice as slow for tens
# of seconds), and figures taken seconds apart, several times, compare
# better than one pass of each taken minutes apart.
rounds=${BENCH_ROUNDS:-3}
sections=("$@")
[ ${#sections[@]} -gt 0 ] || mapfile -t sections < <("$dir/app/bench/lockstep-bench" --list)
echo "Lockstep vs DPDK $(pkg-config --modversion libdpdk), sections: ${sections[*]}; $rounds rounds"
for r in $(seq "$rounds"); do
	for s in "${sections[@]}"; do
		"$dir/app/bench/lockstep-bench" --json "$s" >"$out/lockstep.$s.$r.json" ||
			echo "(some Lockstep figures of $s failed)"
		"$dir/app/bench/lockstep-bench-dpdk" --json "$s" >"$out/dpdk.$s.$r.json" \
			2>"$out/dpdk.err" || echo "(some DPDK figures of $s failed: $(tail -1 "$out/dpdk.err"))"
	done
done

python3 - "$out" <<'PY'
import glob, json, statistics, sys

def load(pattern):
    values, units = {}, {}
    for path in sorted(glob.glob(pattern)):
        try:
            with open(path) as f:
                for r in json.load(f):
                    values.setdefault(r["name"], []).append(r["value"])
                    units[r["name"]] = r["unit"]
        except (OSError, ValueError):
            pass
    return {n: {"value": statistics.median(v), "unit": units[n]} for n, v in values.items()}

ours = load(f"{sys.argv[1]}/lockstep.*.json")
theirs = load(f"{sys.argv[1]}/dpdk.*.json")
print(f"{'figure':<52} {'Lockstep':>12} {'DPDK':>12} {'unit':<11} {'ratio':>7}")
for name, r in ours.items():
    t = theirs.get(name)
    d = f"{t['value']:12.2f}" if t else f"{'n/a':>12}"
    ratio = f"{r['value'] / t['value']:7.2f}" if t and t["value"] else f"{'':>7}"
    print(f"{name:<52} {r['value']:12.2f} {d} {r['unit']:<11} {ratio}")
for name, t in theirs.items():
    if name not in ours:
        print(f"{name:<52} {'n/a':>12} {t['value']:12.2f} {t['unit']:<11}")
PY
rm -rf "$out"
