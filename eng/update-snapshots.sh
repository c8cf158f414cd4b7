#!/usr/bin/env bash
# Rewrites the snapshots of generated code (tests/PolicyAsCode.Generators.Tests/Snapshots) and of documents
# (tests/PolicyAsCode.Tests/Documents/Snapshots) from what the code produces now, then shows what changed.
# Review the diff as you would code: a snapshot change is a change to what users get.
#
#   eng/update-snapshots.sh                  # both
#   eng/update-snapshots.sh Generators       # one of them
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

projects=${1:-"Generators Documents"}
for name in $projects; do
  # The tests that compare against a snapshot write it instead when this is set, and pass.
  # The document tests live in the core test project, under Documents/ (namespace PolicyAsCode.Documents.Tests).
  if [ "$name" = Documents ]; then
    POLICYASCODE_UPDATE_SNAPSHOTS=1 dotnet test tests/PolicyAsCode.Tests --filter "FullyQualifiedName~PolicyAsCode.Documents.Tests&FullyQualifiedName~Snapshot"
  else
    POLICYASCODE_UPDATE_SNAPSHOTS=1 dotnet test "tests/PolicyAsCode.$name.Tests" --filter "FullyQualifiedName~Snapshot"
  fi
done

git status --short -- tests/*/Snapshots tests/*/*/Snapshots
git diff --stat -- tests/*/Snapshots tests/*/*/Snapshots
