#!/usr/bin/env bash
# The Cedar side-by-side, in one run: writes the requests with the generated evaluator's decisions, checks that Cedar
# (cedar-wasm in Node) gives the same decision on every one, times Cedar, times the generated evaluator on the same
# requests (each way of deciding in a process of its own), and prints both sides' medians, quartiles and whole-round
# extremes per request, and their ratios.
#
#   benchmarks/Cedar/run.sh [count] [seed]        (default: 10000 requests, seed 7)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
count="${1:-10000}"
seed="${2:-7}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
requests="$work/requests.json"

(cd "$here" && npm ci --silent --no-audit --no-fund)
dotnet build -c Release "$root/benchmarks/PolicyAsCode.Benchmarks" -v quiet -nologo | grep -E "error|warn" || true
bench=(dotnet run -c Release --no-build --project "$root/benchmarks/PolicyAsCode.Benchmarks" --)

"${bench[@]}" cedar-requests "$requests" "$count" "$seed"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
node --expose-gc "$here/bench.mjs" "$requests" | tee "$work/cedar.txt"
# Each way in a process of its own, so that no way's figure depends on which ran before it (CedarComparison.Time).
: > "$work/dotnet.txt"
for way in resolve-decide decide by-hand gate split; do
    "${bench[@]}" cedar-time "$requests" 201 250 "$way" | tee -a "$work/dotnet.txt"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
node "$here/report.mjs" "$work/cedar.txt" "$work/dotnet.txt"
