#!/usr/bin/env bash
# Runs BenchmarkDotNet benchmarks in Release (docs/performance.md has each one's numbers and how to read them).
#
#   eng/bench.sh                       # the QuickStart resolve and decide benchmarks: *Resolve* *Decide*
#   eng/bench.sh '*PreferencesJsonRead*'
#   eng/bench.sh service               # the interleaved service-cost run (see docs/performance.md)
# On a busy machine numbers move; compare runs made on the same quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ $# -eq 0 ]; then
  set -- '*Resolve*' '*Decide*'
fi

if [ "$1" = service ]; then
  exec dotnet run -c Release --project benchmarks/PolicyAsCode.Benchmarks -- "$@"
fi
exec dotnet run -c Release --project benchmarks/PolicyAsCode.Benchmarks -- --filter "$@"
