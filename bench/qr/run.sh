#!/usr/bin/env bash
# Times totpkey's QR decoder against zbarimg (Debian zbar-tools) on the same
# 1080×2340 phone-screenshot JPEGs, each as a fresh process, and checks the
# target of issue 6: ours within 2× of zbarimg's time on a screenshot with a
# code in it.
#
#   bash bench/qr/run.sh [RUNS]      (default 15 runs of each, interleaved)
#
# Prints the median wall time of each tool per image and the ratio. Exits 1
# when a screenshot with a code takes ours more than twice zbarimg's time,
# or when either tool fails to read a code that is there.
set -euo pipefail

runs=${1:-15}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! command -v zbarimg >/dev/null; then
	echo "zbarimg not found: apt-get install zbar-tools" >&2
	exit 1
fi

cd "$root"
go build -o "$work/decode" ./bench/qr/decode
go run ./bench/qr/gen -dir "$work"

# now_ns prints the time in nanoseconds.
now_ns() { date +%s%N; }

# median reads numbers, one a line, and prints their median.
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# zbar runs zbarimg quietly; its D-Bus warnings go nowhere.
zbar() { zbarimg -q "$1" >/dev/null 2>&1; }
ours() { "$work/decode" "$1" >/dev/null; }

status=0
printf '%-24s %10s %10s %7s\n' image "ours ms" "zbarimg ms" ratio
for image in export-screenshot.jpg setup-screenshot.jpg no-code-screenshot.jpg; do
	file="$work/$image"
	if [[ $image != no-code-* ]]; then
		# Both must read the code, or the times mean nothing.
		"$work/decode" "$file" | grep -q characters || { echo "ours did not read $image" >&2; status=1; }
		zbarimg -q "$file" 2>/dev/null | grep -q '^QR-Code:' || { echo "zbarimg did not read $image" >&2; status=1; }
	fi
	: >"$work/ours.txt"
	: >"$work/zbar.txt"
	for _ in $(seq "$runs"); do
		# Interleaved, so that load from other work on the machine falls
		# on both alike.
		start=$(now_ns); ours "$file"; end=$(now_ns)
		echo $(((end - start) / 1000)) >>"$work/ours.txt"
		start=$(now_ns); zbar "$file" || true; end=$(now_ns)
		echo $(((end - start) / 1000)) >>"$work/zbar.txt"
	done
	o=$(median <"$work/ours.txt")
	z=$(median <"$work/zbar.txt")
	ratio=$(awk -v o="$o" -v z="$z" 'BEGIN {printf "%.2f", o/z}')
	printf '%-24s %10.1f %10.1f %7s\n' "$image" "$(awk -v v="$o" 'BEGIN{print v/1000}')" "$(awk -v v="$z" 'BEGIN{print v/1000}')" "$ratio"
	if [[ $image != no-code-* ]] && awk -v r="$ratio" 'BEGIN {exit !(r > 2)}'; then
		echo "  over the target: more than 2× zbarimg's time" >&2
		status=1
	fi
done
exit $status
