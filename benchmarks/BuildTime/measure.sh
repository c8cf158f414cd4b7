#!/usr/bin/env bash
# Build-time cost of the PolicyAsCode generator and analyser, as the compiler reports it (-p:ReportAnalyzer=true).
#
# usage: benchmarks/BuildTime/measure.sh [N ...]          (default: 200)
#
# For each N, writes a policy project with N dimensions across 6 tiers (gen-policy.sh) into a temporary folder,
# references the runtime, the generator and the analyser the way samples/QuickStart does, builds it once to warm,
# then RUNS more times with --no-incremental, and reads from each detailed log the "Total analyzer/generator
# execution time" lines and the lines of the PolicyAsCode.Analyzers and PolicyAsCode.Generators assemblies.
# The QuickStart sample is measured the same way. Prints a Markdown table on stdout; progress goes to stderr.
#
# Environment:
#   RUNS=3                 measured builds per project and mode (the table shows the fastest and the median)
#   SLOW=180               a project whose warm build takes longer than this many seconds is measured once per mode
#   MODES="server cold"    server: the compiler server (VBCSCompiler, a private pipe), warm after the first build, as
#                          on a developer machine; cold: a fresh csc process per build (UseSharedCompilation=false),
#                          as on CI, where generator and analyser are loaded and JIT-compiled on every build
#   CONFIGURATION=Release  configuration of the generator and analyser (a NuGet package ships Release builds)
#   QUICKSTART=1           also measure samples/QuickStart (0 to skip)
#   KEEP=1                 keep the temporary folder with the projects and logs
#   FACTS=8                bounds conditional on that many facts (gen-policy.sh; default 0); rows are then named bench-N-fK
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
[[ -f $repo/PolicyAsCode.sln ]] || { echo "no PolicyAsCode.sln in $repo" >&2; exit 1; }

sizes=("$@")
((${#sizes[@]})) || sizes=(200)
runs=${RUNS:-3}
read -r -a modes <<< "${MODES:-server cold}"
configuration=${CONFIGURATION:-Release}

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_CLI_UI_LANGUAGE=en MSBUILDDISABLENODEREUSE=1
# The mode decides; an inherited UseSharedCompilation would override nothing but confuse the logs.
unset UseSharedCompilation

work=$(mktemp -d "${TMPDIR:-/tmp}/pac-buildtime.XXXXXX")
pipe="pac-buildtime-$$"
sdk_dir=$(dirname "$(dotnet msbuild -nologo -getProperty:MSBuildExtensionsPath "$repo/src/PolicyAsCode/PolicyAsCode.csproj" 2>/dev/null)")

cleanup() {
    # Stop only the compiler server this script started (its pipe name is ours).
    if [[ -f $sdk_dir/Roslyn/bincore/VBCSCompiler.dll ]]; then
        dotnet exec "$sdk_dir/Roslyn/bincore/VBCSCompiler.dll" -shutdown -pipename:"$pipe" > /dev/null 2>&1 || true
    fi
    if [[ ${KEEP:-0} == 1 ]]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

log() { echo "[$(date +%T)] $*" >&2; }

log "building runtime, generator and analyser ($configuration)"
for project in src/PolicyAsCode/PolicyAsCode.csproj generators/PolicyAsCode.Generators/PolicyAsCode.Generators.csproj analyzers/PolicyAsCode.Analyzers/PolicyAsCode.Analyzers.csproj; do
    dotnet build "$repo/$project" -c "$configuration" -nologo -v:q -p:UseSharedCompilation=false > "$work/prebuild.log" 2>&1 \
        || { cat "$work/prebuild.log" >&2; exit 1; }
done

# policy_project N DIR: a project like samples/QuickStart, outside the repository (nothing of it is imported).
policy_project() {
    local n=$1 dir=$2
    mkdir -p "$dir"
    "$here/gen-policy.sh" "$n" "$dir"
    echo '<Project />' > "$dir/Directory.Build.props"
    echo '<Project />' > "$dir/Directory.Build.targets"
    cp "$repo/global.json" "$dir/global.json"
    cat > "$dir/Bench.Policies.csproj" <<CSPROJ
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <LangVersion>latest</LangVersion>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include="$repo/src/PolicyAsCode/PolicyAsCode.csproj" />
    <ProjectReference Include="$repo/generators/PolicyAsCode.Generators/PolicyAsCode.Generators.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
    <ProjectReference Include="$repo/analyzers/PolicyAsCode.Analyzers/PolicyAsCode.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
  </ItemGroup>
</Project>
CSPROJ
}

# ms_of_line LOG PATTERN: the time column (seconds) of the last line matching PATTERN, in ms ("<0.001" counts as 0;
# -1000 when the log has no such line). ms_of_total LOG PATTERN: the same for a "Total ... time: X seconds." line.
ms_of_line() {
    { grep -E "$2" "$1" || echo "-1"; } | tail -n 1 | awk '{ t = $1; if (t ~ /^</) t = 0; printf "%d", t * 1000 + 0.5 }'
}
ms_of_total() {
    { grep -E "$2" "$1" || echo ": -0.001 seconds"; } | tail -n 1 | sed -E 's/.*: ([0-9.]+) seconds.*/\1/' | awk '{ printf "%d", $1 * 1000 + 0.5 }'
}

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%d\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 + 0.5 }'; }

header() {
    echo "| project | N | tiers | mode | generator ms | PolicyAsCode analyser ms | total PolicyAsCode ms (fastest run) | total, median of runs | all generators ms | all analysers ms | build wall ms (median) | runs | load avg | PAC warnings+errors |"
    echo "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
}

# measure LABEL PROJECT N TIERS
measure() {
    local label=$1 project=$2 n=$3 tiers=$4 mode flags r logfile
    for mode in "${modes[@]}"; do
        case $mode in
            server) flags=(-p:UseSharedCompilation=true "-p:SharedCompilationId=$pipe") ;;
            cold) flags=(-p:UseSharedCompilation=false) ;;
            *) echo "unknown mode $mode" >&2; exit 2 ;;
        esac
        local build=(dotnet build "$project" -c "$configuration" -nologo -p:ReportAnalyzer=true -v:d -p:BuildProjectReferences=false "${flags[@]}")
        log "$label: warm build ($mode)"
        local gens=() ans=() totals=() alls=() allgens=() walls=() diags=0 t0 t1 count=$runs
        t0=$(date +%s)
        "${build[@]}" > "$work/$label-$mode-warm.log" 2>&1 || { tail -n 30 "$work/$label-$mode-warm.log" >&2; exit 1; }
        t1=$(date +%s)
        if ((t1 - t0 > ${SLOW:-180})); then
            count=1
            log "$label: the warm build took $((t1 - t0)) s, more than SLOW=${SLOW:-180} s: measuring once"
        fi
        for ((r = 1; r <= count; r++)); do
            logfile="$work/$label-$mode-$r.log"
            t0=$(date +%s%N)
            "${build[@]}" --no-incremental > "$logfile" 2>&1 || { tail -n 30 "$logfile" >&2; exit 1; }
            t1=$(date +%s%N)
            local g a
            g=$(ms_of_line "$logfile" 'PolicyAsCode\.Generators, Version=')
            a=$(ms_of_line "$logfile" 'PolicyAsCode\.Analyzers, Version=')
            gens+=("$g"); ans+=("$a"); totals+=($((g + a)))
            alls+=("$(ms_of_total "$logfile" 'Total analyzer execution time')")
            allgens+=("$(ms_of_total "$logfile" 'Total generator execution time')")
            walls+=($(((t1 - t0) / 1000000)))
            # Each diagnostic is printed twice (as it happens and in the summary); count distinct lines.
            diags=$({ grep -E '(warning|error) PAC[0-9]{4}' "$logfile" || true; } | sort -u | wc -l)
            log "$label ($mode) run $r: generator $g ms, analyser $a ms, build $(((t1 - t0) / 1000000)) ms"
        done
        # The fastest run is the least disturbed one; its generator and analyser columns come from that run.
        local best=0 i
        for ((i = 1; i < count; i++)); do ((totals[i] < totals[best])) && best=$i; done
        echo "| $label | $n | $tiers | $mode | ${gens[best]} | ${ans[best]} | **${totals[best]}** | $(printf '%s\n' "${totals[@]}" | median) | ${allgens[best]} | ${alls[best]} | $(printf '%s\n' "${walls[@]}" | median) | $count | $(cut -d' ' -f1 /proc/loadavg) | $diags |"
    done
}

# Rows are printed as they are measured (a long run can be stopped and still leave its table).
header
for n in "${sizes[@]}"; do
    dir="$work/n$n"
    log "generating $n dimensions x 6 tiers"
    policy_project "$n" "$dir"
    label="bench-$n"
    if ((${FACTS:-0} > 0)); then label+="-f$FACTS"; fi
    measure "$label" "$dir/Bench.Policies.csproj" "$n" 6
done

if [[ ${QUICKSTART:-1} == 1 ]]; then
    measure quickstart "$repo/samples/QuickStart/QuickStart.csproj" 9 4
fi

echo
echo "machine: $(nproc) cores, $(uname -sr), dotnet $(dotnet --version), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; generator and analyser built $configuration; up to $runs measured builds per row"
