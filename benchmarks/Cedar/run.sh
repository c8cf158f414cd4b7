#!/usr/bin/env bash
# The Cedar side-by-side, in one run: writes the requests with the generated evaluator's decisions, checks that Cedar
# (cedar-wasm in Node) gives the same decision on every one, times Cedar, times the generated evaluator on the same
# requests, and prints the ratio of per-request times.
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
node "$here/bench.mjs" "$requests" | tee "$work/cedar.txt"
"${bench[@]}" cedar-time "$requests" | tee "$work/dotnet.txt"

cedar_ns="$(sed -n 's/^cedar-json .*"ns":\([0-9.]*\).*/\1/p' "$work/cedar.txt")"
full_ns="$(sed -n 's/^dotnet-json .*"resolveDecideNs":\([0-9.]*\).*/\1/p' "$work/dotnet.txt")"
decide_ns="$(sed -n 's/^dotnet-json .*"decideNs":\([0-9.]*\).*/\1/p' "$work/dotnet.txt")"
echo
echo "per request, median, $count requests, identical decisions on every one:"
awk -v c="$cedar_ns" -v f="$full_ns" -v d="$decide_ns" 'BEGIN {
  printf "  Cedar (cedar-wasm, statefulIsAuthorized)                 %10.1f ns\n", c
  printf "  generated evaluator, resolve + decide                     %10.1f ns   Cedar / generated = %.0fx\n", f, c / f
  printf "  generated evaluator, decide (resolution made beforehand)  %10.1f ns   Cedar / generated = %.0fx\n", d, c / d
}'
