#!/usr/bin/env bash
# Runs one test project (by its short name or path), optionally filtered, building only what that project needs.
#
#   eng/test.sh Tool                                  # tests/PolicyAsCode.Tool.Tests
#   eng/test.sh Generators SnapshotTests              # only the tests whose full name contains SnapshotTests
#   eng/test.sh tests/PolicyAsCode.Json.Tests
#   eng/test.sh                                       # lists the test projects
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ $# -eq 0 ]; then
  echo "usage: eng/test.sh <project> [filter]; projects:" >&2
  ls -d tests/*/ | sed 's:tests/PolicyAsCode\.\(.*\)\.Tests/:  \1:; s:tests/PolicyAsCode\.Tests/:  (core) PolicyAsCode.Tests:' >&2
  exit 2
fi

project=$1
[ -d "$project" ] || project=tests/PolicyAsCode.$1.Tests
[ "$1" = "PolicyAsCode.Tests" ] || [ "$1" = "core" ] && project=tests/PolicyAsCode.Tests
[ -d "$project" ] || { echo "test.sh: no test project $1 (tried $project)" >&2; exit 2; }

if [ $# -ge 2 ]; then
  exec dotnet test "$project" --filter "FullyQualifiedName~$2"
fi
exec dotnet test "$project"
