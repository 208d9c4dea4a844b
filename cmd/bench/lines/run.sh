#!/usr/bin/env bash
# Measures validate --lines and --scan against the targets of issue 5:
#
#   --lines -o json   at least 1,000,000 lines/s, peak memory under 64 MiB,
#                     on a 1,000,000-line mixed file (cmd/bench/lines/gen)
#   --scan            at least 50 MB/s of support-ticket text
#
# the target of issue 11 ("nothing gets slower" after the library split):
#
#   --lines -o json   at least 2,000,000 lines/s, under 64 MiB
#
# and the target of issue 14:
#
#   --lines --reply   at most 3 times the time of --lines (text) on the
#                     same 1,000,000 lines (it writes a reply of about 900
#                     bytes a line)
#
#   bash cmd/bench/lines/run.sh [RUNS]      (default 5; the best run counts)
#
# For scale it times `wc -l` on the same files. Wall time and peak RSS come
# from /usr/bin/time -v. Exits 1 when a target is missed. The machine is
# shared: run it when nothing else is busy, or read the CPU times too.
set -euo pipefail

runs=${1:-5}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ ! -x /usr/bin/time ]; then
	echo "/usr/bin/time not found: apt-get install time" >&2
	exit 1
fi

cd "$root"
go build -o "$work/totpkey" ./cmd/totpkey
go run ./cmd/bench/lines/gen -lines 1000000 -o "$work/mixed.txt"
go run ./cmd/bench/lines/gen -tickets 200000 -o "$work/tickets.txt"

# measure NAME CMD... runs CMD $runs times (output to /dev/null) and prints
# the best wall time in seconds, its user+system CPU seconds and the
# highest peak RSS in KiB, separated by spaces.
measure() {
	local best="" cpu="" rss=0
	for _ in $(seq "$runs"); do
		/usr/bin/time -v -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || true
		local wall user sys kb
		wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for (i=1;i<=n;i++) s=s*60+t[i]; print s}' "$work/time")
		user=$(awk -F': ' '/User time/ {print $2}' "$work/time")
		sys=$(awk -F': ' '/System time/ {print $2}' "$work/time")
		kb=$(awk -F': ' '/Maximum resident/ {print $2}' "$work/time")
		if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN {exit !(a < b)}'; then
			best=$wall
			cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u+s}')
		fi
		[ "$kb" -gt "$rss" ] && rss=$kb
	done
	echo "$best $cpu $rss"
}

# fast NAME CMD... times a command too quick for /usr/bin/time (10 ms
# steps) with the clock, best of $runs, in seconds.
fast() {
	local best=""
	for _ in $(seq "$runs"); do
		local t0 t1
		t0=$(date +%s%N)
		"$@" >/dev/null
		t1=$(date +%s%N)
		if [ -z "$best" ] || [ $((t1 - t0)) -lt "$best" ]; then best=$((t1 - t0)); fi
	done
	awk -v ns="$best" 'BEGIN {printf "%.4f", ns/1e9}'
}

lines=$(wc -l <"$work/mixed.txt")
mixed_bytes=$(stat -c %s "$work/mixed.txt")
ticket_bytes=$(stat -c %s "$work/tickets.txt")

wc_wall=$(fast wc -l "$work/mixed.txt")
read -r json_wall json_cpu json_rss < <(measure "$work/totpkey" validate --lines -o json "$work/mixed.txt")
read -r text_wall text_cpu text_rss < <(measure "$work/totpkey" validate --lines "$work/mixed.txt")
read -r reply_wall reply_cpu reply_rss < <(measure "$work/totpkey" validate --lines --reply "$work/mixed.txt")
wct_wall=$(fast wc -l "$work/tickets.txt")
read -r scan_wall scan_cpu scan_rss < <(measure "$work/totpkey" validate --scan -o json "$work/tickets.txt")

status=0
report() { # report LABEL VALUE UNIT TARGET (higher is better unless 5th arg is "max")
	local ok
	if [ "${5:-min}" = max ]; then
		ok=$(awk -v v="$2" -v t="$4" 'BEGIN {print (v <= t) ? "ok" : "MISSED"}')
	else
		ok=$(awk -v v="$2" -v t="$4" 'BEGIN {print (v >= t) ? "ok" : "MISSED"}')
	fi
	printf '%-38s %14s %-8s target %s %s\n' "$1" "$2" "$3" "$4" "$ok"
	[ "$ok" = ok ] || status=1
}

printf 'input: %d lines, %.1f MB mixed; %.1f MB of tickets; %s runs, best counts\n\n' \
	"$lines" "$(awk -v b="$mixed_bytes" 'BEGIN {print b/1e6}')" "$(awk -v b="$ticket_bytes" 'BEGIN {print b/1e6}')" "$runs"
printf '%-34s %8s s\n' "wc -l, mixed file" "$wc_wall"
printf '%-34s %8s s  (%s CPU s)\n' "validate --lines -o json" "$json_wall" "$json_cpu"
printf '%-34s %8s s  (%s CPU s)\n' "validate --lines" "$text_wall" "$text_cpu"
printf '%-34s %8s s  (%s CPU s)\n' "validate --lines --reply" "$reply_wall" "$reply_cpu"
printf '%-34s %8s s\n' "wc -l, tickets" "$wct_wall"
printf '%-34s %8s s  (%s CPU s)\n\n' "validate --scan -o json" "$scan_wall" "$scan_cpu"

report "--lines -o json, lines/s" "$(awk -v n="$lines" -v t="$json_wall" 'BEGIN {printf "%.0f", n/t}')" lines/s 1000000
report "--lines -o json, lines/s (issue 11)" "$(awk -v n="$lines" -v t="$json_wall" 'BEGIN {printf "%.0f", n/t}')" lines/s 2000000
report "--lines -o json, peak RSS" "$(awk -v k="$json_rss" 'BEGIN {printf "%.1f", k/1024}')" MiB 64 max
report "--lines --reply / --lines, time" "$(awk -v a="$reply_wall" -v b="$text_wall" 'BEGIN {printf "%.2f", a/b}')" x 3 max
report "--lines --reply / --lines, CPU" "$(awk -v a="$reply_cpu" -v b="$text_cpu" 'BEGIN {printf "%.2f", a/b}')" x 3 max
report "--lines --reply, peak RSS" "$(awk -v k="$reply_rss" 'BEGIN {printf "%.1f", k/1024}')" MiB 96 max
report "--scan, throughput" "$(awk -v b="$ticket_bytes" -v t="$scan_wall" 'BEGIN {printf "%.1f", b/1e6/t}')" MB/s 50
report "--scan, peak RSS" "$(awk -v k="$scan_rss" 'BEGIN {printf "%.1f", k/1024}')" MiB 64 max
printf '%-34s %14s\n' "--lines vs wc -l (time ratio)" "$(awk -v a="$json_wall" -v b="$wc_wall" 'BEGIN {printf "%.0fx", a/b}')"
printf '%-34s %14s\n' "--scan vs wc -l (time ratio)" "$(awk -v a="$scan_wall" -v b="$wct_wall" 'BEGIN {printf "%.0fx", a/b}')"
exit $status
