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
# Section by section, Lockstep then DPDK: a virtual machine's speed drifts
# over minutes (where its vCPUs land on the host), and two figures taken
# seconds apart compare better than two taken minutes apart.
sections=("$@")
[ ${#sections[@]} -gt 0 ] || mapfile -t sections < <("$dir/app/bench/lockstep-bench" --list)
echo "Lockstep vs DPDK $(pkg-config --modversion libdpdk), sections: ${sections[*]}"
for s in "${sections[@]}"; do
	"$dir/app/bench/lockstep-bench" --json "$s" >"$out/lockstep.$s.json" ||
		echo "(some Lockstep figures of $s failed)"
	"$dir/app/bench/lockstep-bench-dpdk" --json "$s" >"$out/dpdk.$s.json" 2>"$out/dpdk.err" ||
		echo "(some DPDK figures of $s failed: $(tail -1 "$out/dpdk.err"))"
done

python3 - "$out" "${sections[@]}" <<'PY'
import json, sys

def load(path):
    try:
        with open(path) as f:
            return {r["name"]: r for r in json.load(f)}
    except (OSError, ValueError):
        return {}

ours, theirs = {}, {}
for s in sys.argv[2:]:
    ours.update(load(f"{sys.argv[1]}/lockstep.{s}.json"))
    theirs.update(load(f"{sys.argv[1]}/dpdk.{s}.json"))
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
