#!/usr/bin/env bash
# Rewrites PublicAPI.Unshipped.txt of every packed library (src/*) from its code, with the PublicApiAnalyzers code fix
# (RS0016 adds what is missing; RS0017's fix removes what is gone). Offline: it needs only the restored packages.
#
#   eng/update-public-api.sh                     every library under src/
#   eng/update-public-api.sh Runtime Testing     src/PolicyAsCode.Runtime and src/PolicyAsCode.Testing
#
# Then review `git diff -- 'src/*/PublicAPI.*.txt'`: every line is a promise to users. At a release, move the
# Unshipped lines into PublicAPI.Shipped.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

projects=()
if (($# == 0)); then
  for p in src/*/*.csproj; do projects+=("$p"); done
else
  for name in "$@"; do
    p="src/PolicyAsCode.$name/PolicyAsCode.$name.csproj"
    [[ "$name" == PolicyAsCode ]] && p=src/PolicyAsCode/PolicyAsCode.csproj
    [[ -f "$p" ]] || { echo "update-public-api.sh: no project $p" >&2; exit 2; }
    projects+=("$p")
  done
fi

for p in "${projects[@]}"; do
  dir="$(dirname "$p")"
  for f in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
    [[ -f "$dir/$f" ]] || printf '#nullable enable\n' >"$dir/$f"
  done
  echo "== $p" >&2
  dotnet restore "$p" >/dev/null
  # RS0017 first, so an entry for a removed or changed member goes before RS0016 adds its new form.
  dotnet format analyzers "$p" --no-restore --severity info --diagnostics RS0017 RS0016 RS0037
  # One order, so a change shows as a small diff.
  { head -n 1 "$dir/PublicAPI.Unshipped.txt"; tail -n +2 "$dir/PublicAPI.Unshipped.txt" | LC_ALL=C sort -u; } >"$dir/PublicAPI.Unshipped.txt.tmp"
  mv "$dir/PublicAPI.Unshipped.txt.tmp" "$dir/PublicAPI.Unshipped.txt"
done
