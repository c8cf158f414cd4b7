#!/usr/bin/env bash
# The build-time goals in one command: in-process builds (benchmarks/BuildTime/Profile) of generated policies with
# bounds conditional on 8 facts (the context-complete override check at work), 200, 1,000 and 2,000 dimensions x 6
# tiers, the median of RUNS warm runs each; then the growth from 1,000 to 2,000 dimensions, from those medians and from
# the two sizes built in turn in one process (Profile --interleave), which a machine's drift moves alike; then the same
# builds in turn with the compiler's binding of every tier attribute done first and timed apart (--prebind): the growth
# of the compiler's share and of the generator and analyser's own work, in one run.
#
# usage: benchmarks/BuildTime/run.sh [N ...]        (default: 200 1000 2000)
# Environment: RUNS=5 (measured runs per size, after WARM=8 builds: a warm compiler server, whose JIT has optimised the
# generator and analyser; WARM=2 also measures part of the JIT's first work, see docs/performance.md),
# FACTS=8 (gen-policy.sh), STAGES=1 (also the per-stage table of each size), OUT=dir (keep the policies and logs there;
# default a temporary folder, removed at the end).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
sizes=("$@")
((${#sizes[@]})) || sizes=(200 1000 2000)
runs=${RUNS:-5}
warm=${WARM:-8}
facts=${FACTS:-8}
out=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/pac-buildtime.XXXXXX")}
[[ -n ${OUT:-} ]] || trap 'rm -rf "$out"' EXIT
mkdir -p "$out"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "[$(date +%T)] building the profile harness (Release) against this tree's generator and analyser" >&2
dotnet build "$here/Profile/Profile.csproj" -c Release -nologo -v:q > "$out/build.log" 2>&1 || { tail -n 30 "$out/build.log" >&2; exit 1; }
profile=("$here/Profile/bin/Release/net10.0/Profile")

declare -A median cpu parse
for n in "${sizes[@]}"; do
    dir="$out/p$n-f$facts"
    FACTS=$facts "$here/gen-policy.sh" "$n" "$dir"
    flags=("$dir" "$runs" "--warm=$warm")
    [[ ${STAGES:-0} == 1 ]] && flags+=(--stages)
    echo "[$(date +%T)] $n dimensions x 6 tiers, FACTS=$facts, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
    "${profile[@]}" "${flags[@]}" | tee "$out/p$n.log"
    median[$n]=$(awk '/generator \+ analyser/ { print $4 }' "$out/p$n.log")
    cpu[$n]=$(awk '/thread CPU, both phases/ { print $5 }' "$out/p$n.log")
    parse[$n]=$(awk '/parse of the generated code, wall/ { print $8 }' "$out/p$n.log")
done

echo
echo "| dimensions | generator + analyser, median of $runs (ms) | their thread CPU, median (ms) | compiler parsing the generated code, median (ms) |"
echo "|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do echo "| $n | ${median[$n]} | ${cpu[$n]} | ${parse[$n]} |"; done
if [[ -n ${median[1000]:-} && -n ${median[2000]:-} ]]; then
    awk -v a="${median[1000]}" -v b="${median[2000]}" -v c="${cpu[1000]}" -v d="${cpu[2000]}" \
        'BEGIN { printf "growth 1,000 -> 2,000, each size in its own process: x%.2f (thread CPU x%.2f)\n", b / a, d / c }'
    echo "[$(date +%T)] 1,000 and 2,000 dimensions built in turn, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
    "${profile[@]}" "$out/p1000-f$facts" "$out/p2000-f$facts" "$runs" "--warm=$warm" --interleave > "$out/interleaved.log"
    awk '/growth, ratio of the medians/ { printf "growth 1,000 -> 2,000, built in turn: %s %s %s %s", $6, $7, $8, $9 }
         /growth, median of the rounds/ { printf "; median of the rounds'"'"' ratios %s\n", $7 }' "$out/interleaved.log"
    echo "[$(date +%T)] the same, the compiler's binding of every tier attribute first and timed apart, load $(cut -d' ' -f1-3 /proc/loadavg)" >&2
    "${profile[@]}" "$out/p1000-f$facts" "$out/p2000-f$facts" "$runs" "--warm=$warm" --interleave --prebind > "$out/prebound.log"
    awk '/growth, ratio of the medians/ { own = $6 " " $7 " " $8 " " $9 }
         /growth of the compiler.s binding / { compiler = $6 }
         /growth of the binding and the rest/ { both = $8 }
         END { printf "growth 1,000 -> 2,000, built in turn, the compiler'"'"'s binding of the attributes timed apart: generator + analyser without it %s; the compiler'"'"'s binding %s; both %s\n", own, compiler, both }' "$out/prebound.log"
fi
echo "machine: $(nproc) cores, $(uname -sr), dotnet $(dotnet --version), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end, commit $(git -C "$repo" rev-parse --short HEAD)"
