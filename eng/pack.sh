#!/usr/bin/env bash
# Packs the eight packages of this repository (PolicyAsCode, PolicyAsCode.Runtime, PolicyAsCode.Extensions.AI, PolicyAsCode.AspNetCore,
# PolicyAsCode.EntityFrameworkCore, PolicyAsCode.Testing, PolicyAsCode.Templates, PolicyAsCode.Tool), in Release, into artifacts/packages:
# the local feed from which the templates, the samples and the pac tool can be tried against the packages exactly as a
# user gets them.
#
#   eng/pack.sh                 # version 0.1.0-dev.<UTC time>: a new version each time, so no NuGet cache serves a stale one
#   eng/pack.sh 0.1.0           # an exact version (a release)
#
# Then, for example (docs/distribution.md has more):
#   dotnet new install artifacts/packages/PolicyAsCode.Templates.<version>.nupkg
#   dotnet new policy -n Contoso.Policies -o /tmp/Contoso.Policies && cd /tmp/Contoso.Policies
#   dotnet new nugetconfig && dotnet nuget add source <repo>/artifacts/packages -n policyascode-local --configfile nuget.config
#   dotnet test
#   dotnet run --project samples/QuickStart -p:PolicyAsCodeVersion=<version>   # the sample against the package
#   dotnet tool install --tool-path /tmp/pac --add-source artifacts/packages PolicyAsCode.Tool --version <version>   # pac
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

prefix=$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' Directory.Build.props)
version=${1:-$prefix-dev.$(date -u +%Y%m%d%H%M%S)}
out="$PWD/artifacts/packages"
mkdir -p "$out"

# Only the six projects under src/, templates/PolicyAsCode.Templates and tools/PolicyAsCode.Tool
# are packable; `dotnet pack` of the
# solution builds just those (and the projects they pack) and skips the rest.
dotnet pack PolicyAsCode.sln -c Release -p:Version="$version" -p:PackageOutputPath="$out/"

echo
echo "Packed $version into artifacts/packages:"
ls -1 "$out" | grep -F "$version"
