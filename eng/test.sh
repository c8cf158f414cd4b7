#!/usr/bin/env bash
# Runs one test project (by its short name or path), optionally filtered, building only what that project needs.
#
#   eng/test.sh Tool                                  # tests/PolicyAsCode.Tool.Tests
#   eng/test.sh Generators SnapshotTests              # only the tests whose full name contains SnapshotTests
#   eng/test.sh Json                                  # the Json/ tests of tests/PolicyAsCode.Tests (also Documents, Evaluation)
#   eng/test.sh tests/PolicyAsCode.Tool.Tests
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
part=""
# Json/, Documents/ and Evaluation/ are folders (and namespaces) of the core test project, which tests one library.
case "$1" in Json | Documents | Evaluation) project=tests/PolicyAsCode.Tests part="FullyQualifiedName~PolicyAsCode.$1.Tests" ;; esac
[ -d "$project" ] || project=tests/PolicyAsCode.$1.Tests
[ "$1" = "PolicyAsCode.Tests" ] || [ "$1" = "core" ] && project=tests/PolicyAsCode.Tests
[ -d "$project" ] || { echo "test.sh: no test project $1 (tried $project)" >&2; exit 2; }

if [ $# -ge 2 ]; then
  exec dotnet test "$project" --filter "${part:+$part&}FullyQualifiedName~$2"
fi
if [ -n "$part" ]; then
  exec dotnet test "$project" --filter "$part"
fi
exec dotnet test "$project"
