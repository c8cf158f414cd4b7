#!/usr/bin/env bash
# From a clone, one command to a policy project that builds: packs what it needs (PolicyAsCode, PolicyAsCode.Testing
# and the template) into the local feed artifacts/packages, installs the `dotnet new policy` template, creates the
# project in the folder given with a nuget.config pointing at that feed (and nuget.org, for xUnit), and builds it.
# Nothing is published yet, so this is what a newcomer runs instead of the seven steps by hand.
#
#   eng/new-policy.sh /tmp/Contoso.Policies                                     # EU and US law, organisation Contoso
#   eng/new-policy.sh ~/src/Acme.Policies --organisation Acme --jurisdictions EU DE   # any option of `dotnet new policy`
#
# The folder's name is the project's (Contoso.Policies); it must be new or empty, and outside the clone. Each run packs a new
# version (0.1.0-dev.<UTC time>), so no NuGet cache serves a stale package. Then: cd <folder> && dotnet test.
set -euo pipefail
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ $# -lt 1 ] || [ "${1#-}" != "$1" ]; then
  sed -n '2,11s/^# \{0,1\}//p' "$0" >&2
  exit 2
fi

target=$1
shift
if [ -e "$target" ] && [ -n "$(ls -A "$target")" ]; then
  echo "new-policy: $target is not empty; give a new or empty folder." >&2
  exit 2
fi

repo=$(cd "$(dirname "$0")/.." && pwd)
target=$(realpath -m "$target")
case "$target/" in
  "$repo"/*)
    # Inside the clone, the repository's Directory.Build.props would apply to the project: not what a user gets.
    echo "new-policy: $target is inside the repository; give a folder outside it." >&2
    exit 2 ;;
esac
mkdir -p "$target"
name=$(basename "$target")
prefix=$(sed -n 's:.*<VersionPrefix>\(.*\)</VersionPrefix>.*:\1:p' "$repo/Directory.Build.props")
version=$prefix-dev.$(date -u +%Y%m%d%H%M%S)
feed=$repo/artifacts/packages
mkdir -p "$feed"

echo "== packing PolicyAsCode, PolicyAsCode.Testing and the template, version $version, into $feed"
for project in src/PolicyAsCode src/PolicyAsCode.Testing templates/PolicyAsCode.Templates; do
  dotnet pack "$repo/$project" -c Release -p:Version="$version" -p:PackageOutputPath="$feed/" --nologo -v quiet
done

echo "== installing the template"
dotnet new install "$feed/PolicyAsCode.Templates.$version.nupkg" --force >/dev/null

echo "== creating $name in $target"
dotnet new policy -n "$name" -o "$target" --policyascode-version "$version" "$@"

# The feed first, nuget.org after it (the test project's xUnit comes from there).
cd "$target"
dotnet new nugetconfig --force >/dev/null
dotnet nuget add source "$feed" --name policyascode-local --configfile nuget.config >/dev/null

echo "== building"
dotnet build --nologo -v quiet

echo
echo "Done: $target builds against PolicyAsCode $version from $feed."
echo "Next: cd $target && dotnet test"
