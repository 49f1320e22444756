#!/usr/bin/env bash
# Prints line coverage of the library modules from the data `swift test --enable-code-coverage` left behind.
set -euo pipefail
cd "$(dirname "$0")/.."
bin_dir="$(swift build --show-bin-path)"
profdata="$bin_dir/codecov/default.profdata"
test_bin="$(find "$bin_dir" -maxdepth 1 -name '*PackageTests.xctest' | head -n 1)"
[ -f "$profdata" ] || { echo "no coverage data: run 'make test' first" >&2; exit 1; }
llvm_cov="$(dirname "$(readlink -f "$(command -v swift)")")/llvm-cov"; [ -x "$llvm_cov" ] || llvm_cov=llvm-cov  # the toolchain's own: the profile format must match
"$llvm_cov" report "$test_bin" -instr-profile="$profdata" \
    -ignore-filename-regex='(\.build|Tests/|Sources/footfall/|Sources/FootfallTesting/|Sources/FootfallWeb/)' \
    >/tmp/footfall-coverage.txt
cat /tmp/footfall-coverage.txt
total=$(awk '/^TOTAL/ {print $10}' /tmp/footfall-coverage.txt | tr -d '%')
echo "line coverage of the library modules: ${total}% (goal: 80% or more)"
