#!/usr/bin/env bash
# Prints line coverage of the library modules from the data `swift test --enable-code-coverage` left behind.
set -euo pipefail
cd "$(dirname "$0")/.."
bin_dir="$(swift build --show-bin-path)"
profdata="$bin_dir/codecov/default.profdata"
test_bin="$(find "$bin_dir" -maxdepth 1 -name '*PackageTests.xctest' | head -n 1)"
[ -f "$profdata" ] || { echo "no coverage data: run 'make test' first" >&2; exit 1; }
llvm_cov="$(command -v llvm-cov || echo /opt/swift/usr/bin/llvm-cov)"
"$llvm_cov" report "$test_bin" -instr-profile="$profdata" \
    -ignore-filename-regex='(\.build|Tests/|Sources/footfall/|Sources/FootfallTesting/|Sources/FootfallWeb/)' \
    | tail -n 25
