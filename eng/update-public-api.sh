#!/usr/bin/env bash
# Rewrites PublicAPI.Unshipped.txt of every packed library (src/*) from its code: empties it, then lets the
# PublicApiAnalyzers code fix for RS0016 list every public member PublicAPI.Shipped.txt does not hold (so a removed or
# changed member leaves no stale line). Offline: it needs only the restored packages. A member removed after it shipped
# is RS0017 on a Shipped line: write it into Unshipped by hand, prefixed *REMOVED*, as the analyser's docs say.
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
  [[ -f "$dir/PublicAPI.Shipped.txt" ]] || printf '#nullable enable\n' >"$dir/PublicAPI.Shipped.txt"
  # The code fix adds to a list; it does not rewrite one. Start from none, keeping hand-written *REMOVED* lines.
  removed="$(grep '^\*REMOVED\*' "$dir/PublicAPI.Unshipped.txt" 2>/dev/null || true)"
  printf '#nullable enable\n' >"$dir/PublicAPI.Unshipped.txt"
  if [[ -n "$removed" ]]; then printf '%s\n' "$removed" >>"$dir/PublicAPI.Unshipped.txt"; fi
  echo "== $p" >&2
  dotnet restore "$p" >/dev/null
  if ! log="$(dotnet format analyzers "$p" --no-restore --severity info --diagnostics RS0016 2>&1)"; then
    printf '%s\n' "$log" >&2
    echo "update-public-api.sh: dotnet format failed on $p; its PublicAPI.Unshipped.txt is incomplete (git checkout it)." >&2
    exit 1
  fi
  # One order, so a change shows as a small diff.
  { head -n 1 "$dir/PublicAPI.Unshipped.txt"; tail -n +2 "$dir/PublicAPI.Unshipped.txt" | LC_ALL=C sort -u; } >"$dir/PublicAPI.Unshipped.txt.tmp"
  mv "$dir/PublicAPI.Unshipped.txt.tmp" "$dir/PublicAPI.Unshipped.txt"
done
