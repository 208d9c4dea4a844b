#!/usr/bin/env bash
# Start-up time of `totpkey validate KEY` as a whole process, side by side with
# a bare Cobra program linking the same libraries (reference/) and a Go
# hello-world (hello/). The target of issue 11: totpkey within 1.2x the
# reference (aim for 1.05x).
#
# Two more programs tell where the difference comes from: referencehttp/ is
# the reference linking net/http too (which `serve` needs and the reference
# predates), and linked/ links all of totpkey and runs none of it (the
# runtime and the package initialisers alone).
#
#   bash cmd/bench/startup/run.sh            (RUNS=500 interleaved runs each)
#
# Every program is built as the release archives build totpkey
# (.goreleaser.yaml: CGO_ENABLED=0, -trimpath, -s -w), so that what is timed
# is what users run. compare/ runs them interleaved, one run of each in turn,
# so that a machine growing busier or quieter weighs on all alike; the
# median counts. Also timed: totpkey --version (the start-up without the
# checking) and, when this Go builds with cgo, totpkey as a plain `go build`
# makes it: `serve` links package net, which then links the C library
# dynamically. Exits 1 when the target is missed.
set -euo pipefail
cd "$(dirname "$0")/../../.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
release() { CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o "$1" "$2"; }
release "$out/totpkey" ./cmd/totpkey
release "$out/reference" ./cmd/bench/startup/reference
release "$out/hello" ./cmd/bench/startup/hello
release "$out/referencehttp" ./cmd/bench/startup/referencehttp
release "$out/linked" ./cmd/bench/startup/linked
go build -o "$out/compare" ./cmd/bench/startup/compare
key=JBSWY3DPEHPK3PXP
progs=("$out/reference validate $key" "$out/totpkey validate $key" "$out/totpkey --version"
	"$out/referencehttp validate $key" "$out/linked" "$out/hello")
if [ "$(go env CGO_ENABLED)" = 1 ]; then
	go build -o "$out/totpkey-cgo" ./cmd/totpkey
	progs+=("$out/totpkey-cgo validate $key")
fi
"$out/compare" -runs "${RUNS:-500}" "${progs[@]}" | tee "$out/result"
ratio=$(awk '$1 == "totpkey" && $2 == "validate" {print $NF}' "$out/result")
verdict=$(awk -v r="$ratio" 'BEGIN {print (r <= 1.2) ? "ok" : "MISSED"}')
printf '\ntotpkey validate / reference: %s (target 1.2, aim 1.05): %s\n' "$ratio" "$verdict"
median() { awk -v p="$1" '$1 == p && $2 == "validate" {print $4}' "$out/result"; }
printf 'totpkey validate / referencehttp: %s (what is left once serve'"'"'s net/http is in both)\n' \
	"$(awk -v a="$(median totpkey)" -v b="$(median referencehttp)" 'BEGIN {printf "%.2f", a / b}')"
[ "$verdict" = ok ]
