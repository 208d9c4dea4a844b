#!/usr/bin/env bash
# Compares totpkey's QR decoder with zbarimg (Debian zbar-tools) on the
# kinds of image people feed to validate --qr, each tool as a fresh
# process: phone screenshots with one to three dense Google Authenticator
# export codes (native, zoomed out 0.75×, zoomed in 2× on a dark screen), a
# small setup code, a WebP, a screenshot without a code, and two
# decompression bombs of 7000×7000 pixels (a 16-bit RGBA PNG, and a
# progressive CMYK JPEG when ImageMagick's convert is there to make it).
#
#   bash cmd/bench/qr/run.sh [RUNS]      (default 5 runs of each, interleaved)
#
# Prints a Markdown table (the one in the README): per image, the codes
# each tool read, the median wall time and the peak memory (maximum
# resident set over the runs, from /usr/bin/time). Exits 1 when totpkey
# misses a code zbarimg reads, takes more than twice zbarimg's time on an
# image with codes that both read (where zbarimg reads fewer, it gave up
# sooner), or more than zbarimg's on the screenshot without one
# (the targets of issues 6 and 15), or peaks over 256 MiB.
set -euo pipefail

runs=${1:-5}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v zbarimg >/dev/null || { echo "zbarimg not found: apt-get install zbar-tools" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time not found: apt-get install time" >&2; exit 1; }

cd "$root"
go build -o "$work/decode" ./cmd/bench/qr/decode
go run ./cmd/bench/qr/gen -dir "$work"
images=(setup-screenshot.jpg export-screenshot.jpg export-2-codes.jpg export-3-codes-0.75x.jpg
	export-2-codes-2x-dark.jpg export-2-codes.webp no-code-screenshot.jpg bomb-7000-rgba16.png)
if convert -version 2>/dev/null | grep -q ImageMagick; then
	convert -size 7000x7000 gradient:white-gray -colorspace CMYK -interlace JPEG -quality 85 \
		"$work/bomb-7000-cmyk-progressive.jpg"
	images+=(bomb-7000-cmyk-progressive.jpg)
	echo "bomb-7000-cmyk-progressive.jpg 7000×7000" >>"$work/sizes.txt"
else
	echo "(no ImageMagick convert: the progressive CMYK JPEG is left out)" >&2
fi

# median reads numbers, one a line, and prints their median.
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# measured runs a command once and appends "wall-ms peak-KB" to $1. The
# command's output goes nowhere (zbarimg's D-Bus warnings too), and its
# exit code (4 from zbarimg for no code, 1 from ours for a refusal) is not
# a failure of the script.
TIMEFORMAT='%3R'
measured() {
	local out=$1
	shift
	local wall
	wall=$({ time /usr/bin/time -f %M -o "$work/peak" "$@" >/dev/null 2>&1 || true; } 2>&1)
	echo "$(awk -v s="$wall" 'BEGIN {printf "%.0f", s*1000}') $(tail -1 "$work/peak")" >>"$out"
}

# ours and theirs count the codes each tool reads in an image.
ours() { "$work/decode" "$1" 2>/dev/null | grep -c characters || true; }
theirs() { zbarimg -q --raw "$1" 2>/dev/null | grep -c . || true; }

status=0
echo "| image | pixels | codes read: totpkey / zbarimg | time: totpkey / zbarimg | peak memory: totpkey / zbarimg |"
echo "| --- | --- | --- | --- | --- |"
for image in "${images[@]}"; do
	file="$work/$image"
	pixels=$(awk -v n="$image" '$1 == n {print $2}' "$work/sizes.txt")
	: >"$work/ours.txt"
	: >"$work/zbar.txt"
	for _ in $(seq "$runs"); do
		# Interleaved, so that load from other work on the machine falls
		# on both alike.
		measured "$work/ours.txt" "$work/decode" "$file"
		measured "$work/zbar.txt" zbarimg -q "$file"
	done
	on=$(ours "$file")
	zn=$(theirs "$file")
	ow=$(cut -d' ' -f1 <"$work/ours.txt" | median)
	zw=$(cut -d' ' -f1 <"$work/zbar.txt" | median)
	op=$(cut -d' ' -f2 <"$work/ours.txt" | sort -n | tail -1)
	zp=$(cut -d' ' -f2 <"$work/zbar.txt" | sort -n | tail -1)
	note=""
	if [[ $("$work/decode" "$file" 2>&1 || true) == *"too large"* ]]; then
		note=" (refused)"
	fi
	printf '| %s | %s | %s / %s%s | %d ms / %d ms | %d MB / %d MB |\n' "$image" "${pixels:-?}" "$on" "$zn" "$note" \
		"$ow" "$zw" $((op / 1024)) $((zp / 1024))
	if ((on < zn)); then
		echo "  totpkey read $on codes, zbarimg $zn" >&2
		status=1
	fi
	if ((op > 256 * 1024)); then
		echo "  totpkey peaked over 256 MiB" >&2
		status=1
	fi
	if ((zn > 0 && on == zn && ow > 2 * zw)); then
		echo "  over the target: more than twice zbarimg's time" >&2
		status=1
	fi
	if [[ $image == no-code-* ]] && ((ow > zw)); then
		echo "  over the target: slower than zbarimg on an image without a code" >&2
		status=1
	fi
done
exit $status
