#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Copyright (c) 2026 The Lockstep authors
#
# Build Lockstep and run the main demo: helloworld on two lcores, in
# no-hugepage shared-memory mode.
set -eu
cd "$(dirname "$0")/.."
. buildtools/deps.sh

ensure_packages
setup_build build
ninja -C build >/dev/null

echo "== build/examples/helloworld -l 0-1 --no-huge"
build/examples/helloworld -l 0-1 --no-huge --file-prefix "demo_$$"
