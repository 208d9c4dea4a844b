#!/usr/bin/env bash
# Start-up time of `totpkey validate KEY` as a whole process, side by side with
# a bare Cobra program linking the same libraries (reference/) and a Go
# hello-world (hello/). The target: totpkey within 1.2x the reference.
#
# Uses hyperfine when it is installed (apt-get install -y hyperfine), and a
# plain loop otherwise. Run from anywhere: bash cmd/bench/startup/run.sh
set -euo pipefail
cd "$(dirname "$0")/../../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
go build -o "$out/totpkey" ./cmd/totpkey
go build -o "$out/reference" ./cmd/bench/startup/reference
go build -o "$out/hello" ./cmd/bench/startup/hello
key=JBSWY3DPEHPK3PXP
if command -v hyperfine >/dev/null; then
	hyperfine -N --warmup 20 --runs "${RUNS:-300}" \
		"$out/hello" "$out/reference validate $key" "$out/totpkey validate $key" \
		--export-markdown "$out/startup.md" >/dev/null
	cat "$out/startup.md"
	exit 0
fi
runs=${RUNS:-300}
for cmd in "$out/hello" "$out/reference validate $key" "$out/totpkey validate $key"; do
	for _ in 1 2 3 4 5 6 7 8 9 10; do $cmd >/dev/null || true; done
	start=$(date +%s%N)
	for ((i = 0; i < runs; i++)); do $cmd >/dev/null || true; done
	end=$(date +%s%N)
	printf '%-40s %8.3f ms\n' "${cmd##*/}" "$(echo "($end - $start) / $runs / 1000000" | bc -l)"
done
