#!/usr/bin/env bash
# Writes a PolicyAsCode policy with N dimensions across 6 tiers into a folder:
#   3 immutable tiers (EU, US, UK), 2 organisations each Within all three laws, 1 user tier Within both organisations.
# Every dimension is bounded in every tier; kinds cycle through ordinal enum, int, double, bool, [Flags] enum and
# string with [Allowed]. Every dimension names a benefit and a risk, and every organisation bound is strictly narrower
# than every law's, so the analysers report nothing (no PAC0001/2/6/7/8).
#
# With FACTS=K (1-8; default 0, no conditions, as every figure before it was taken), bounds are also conditional on
# the first K of Minor, ConsentsToMemory, VerifiedAdult, RolePlay, Vulnerable, Professional, Custom1 and Custom2, so
# the override check enumerates contexts: each dimension gets one extra law bound `When` one fact; every second
# dimension also gets an extra organisation bound, `Unless` one more fact (2 facts on the dimension) or `When` two
# more facts (3 facts). The extra bounds lie within what every tier's bounds share, so the policy stays free of
# PAC0001/PAC0002/PAC0012.
#
# usage: [FACTS=K] gen-policy.sh N OUTDIR
set -euo pipefail

n=${1:?usage: gen-policy.sh N OUTDIR}
out=${2:?usage: gen-policy.sh N OUTDIR}
mkdir -p "$out"

benefits=(Efficiency Autonomy Usefulness Wellbeing Learning InclusionAndAccess DiversityOfRepresentation Pluralism)
risks=(OverReliance Anthropomorphism PrivacyInfringement ProfilingAndEssentialism ManipulationOfTheVulnerable Sycophancy PolarisationAndFilterBubbles Homogenisation)

cat > "$out/Dimensions.cs" <<'EOF'
using System;

namespace Bench.Policies;

/// <summary>An ordered level; lower is stricter.</summary>
public enum Level
{
    L0,
    L1,
    L2,
    L3,
    L4,
}

/// <summary>A set of channels; fewer is stricter.</summary>
[Flags]
public enum Channels
{
    None = 0,
    Text = 1,
    Voice = 2,
    Images = 4,
    Video = 8,
    Files = 16,
}
EOF

# The bound each tier (eu, us, uk, orga, orgb, user) writes on a dimension of each kind (0-5).
declare -A bound=(
    [eu:0]='[AtMost(Level.L3, Reason = "eu")]'
    [us:0]='[AtMost(Level.L4)]'
    [uk:0]='[Between(Level.L0, Level.L3)]'
    [orga:0]='[AtMost(Level.L2)]'
    [orgb:0]='[Between(Level.L0, Level.L2)]'
    [user:0]='[AtMost(Level.L2)]'
    [eu:1]='[Between(0, 90, Reason = "eu")]'
    [us:1]='[Between(0, 365)]'
    [uk:1]='[AtMost(180)]'
    [orga:1]='[Between(0, 30)]'
    [orgb:1]='[Between(1, 60)]'
    [user:1]='[Between(0, 30)]'
    [eu:2]='[AtMost(0.9, Reason = "eu")]'
    [us:2]='[Between(0.0, 1.0)]'
    [uk:2]='[Between(0.0, 0.95)]'
    [orga:2]='[Between(0.1, 0.8)]'
    [orgb:2]='[AtMost(0.7)]'
    [user:2]='[Between(0.0, 0.7)]'
    [eu:3]='[AtLeast(false, Reason = "eu")]'
    [us:3]='[AtMost(true)]'
    [uk:3]='[Between(false, true)]'
    [orga:3]='[Locked(true)]'
    [orgb:3]='[AtLeast(true)]'
    [user:3]='[Locked(true)]'
    [eu:4]='[AtMost(Channels.Text | Channels.Voice | Channels.Images | Channels.Video, Reason = "eu")]'
    [us:4]='[AtMost(Channels.Text | Channels.Voice | Channels.Images | Channels.Video | Channels.Files)]'
    [uk:4]='[AtMost(Channels.Text | Channels.Voice | Channels.Images | Channels.Files)]'
    [orga:4]='[AtMost(Channels.Text | Channels.Voice)]'
    [orgb:4]='[Between(Channels.Text, Channels.Text | Channels.Voice | Channels.Images)]'
    [user:4]='[AtMost(Channels.Text | Channels.Voice)]'
    [eu:5]='[Allowed("en", "fr", "de", "es", "nl", Reason = "eu")]'
    [us:5]='[Allowed("en", "es", "fr", "de")]'
    [uk:5]='[Allowed("en", "fr", "de", "es", "it")]'
    [orga:5]='[Allowed("en", "fr")]'
    [orgb:5]='[Allowed("en", "de", "fr")]'
    [user:5]='[Allowed("en", "fr", "de", "es", "nl", "it")]'
)

# The extra conditional bound of each kind (FACTS > 0): within the values every tier's bounds share.
conditional=(
    'AtMost(Level.L1'
    'AtMost(14'
    'AtMost(0.5'
    'Locked(true'
    'AtMost(Channels.Text | Channels.Voice'
    'Allowed("en", "fr"'
)
all_facts=(Minor ConsentsToMemory VerifiedAdult RolePlay Vulnerable Professional Custom1 Custom2)
nfacts=${FACTS:-0}
((nfacts >= 0 && nfacts <= 8)) || { echo "FACTS must be 0-8" >&2; exit 2; }
facts=("${all_facts[@]:0:nfacts}")

# extra KEY I: the conditional bound tier KEY adds to dimension I, if any (with a trailing space).
extra() {
    local key=$1 i=$2 k=$((i % 6)) f1 f2 f3 law
    ((nfacts > 0)) || return 0
    f1=${facts[i % nfacts]}
    f2=${facts[(i + 3) % nfacts]}
    f3=${facts[(i + 5) % nfacts]}
    law=(eu us uk)
    if [[ $key == "${law[i % 3]}" ]]; then
        printf '[%s, When = Fact.%s)] ' "${conditional[k]}" "$f1"
    elif ((i % 4 == 0)) && [[ $key == orga ]]; then
        printf '[%s, Unless = Fact.%s)] ' "${conditional[k]}" "$f2"
    elif ((i % 4 == 2)) && [[ $key == orgb ]]; then
        printf '[%s, WhenAll = Fact.%s | Fact.%s)] ' "${conditional[k]}" "$f2" "$f3"
    fi
}

types=(Level int double bool Channels string)
defaults=(Level.L1 7 0.5 true Channels.Text '"en"')

# tier FILE CLASS ATTRIBUTE KEY
tier() {
    local file=$1 class=$2 attribute=$3 key=$4 i k name init
    {
        printf 'using PolicyAsCode;\n\nnamespace Bench.Policies;\n\n%s\n' "$attribute"
        printf '[Forbid(Hazard.ChildSexualExploitation | Hazard.IndiscriminateWeapons, Reason = "%s")]\n' "$key"
        printf 'public partial record %s\n{\n' "$class"
        for ((i = 0; i < n; i++)); do
            k=$((i % 6))
            printf -v name 'D%04d' "$i"
            # A string property needs a value under nullable reference types: the tiers' soft default, allowed everywhere.
            init=''
            if ((k == 5)); then init=' = "en";'; fi
            printf '    %s%s\n    [Mitigates(Risk.%s)]\n    public %s %s { get; init; }%s\n\n' \
                "$(extra "$key" "$i")" "${bound[$key:$k]}" "${risks[i % 8]}" "${types[k]}" "$name" "$init"
        done
        printf '}\n'
    } > "$out/$file"
}

laws='typeof(EuLaw), typeof(UsLaw), typeof(UkLaw)'
tier EuLaw.cs EuLaw '[ImmutableTier("EU")]' eu
tier UsLaw.cs UsLaw '[ImmutableTier("US")]' us
tier UkLaw.cs UkLaw '[ImmutableTier("UK")]' uk
tier OrgA.cs OrgA "[OrganisationTier(\"org-a\", Within = [$laws])]" orga
tier OrgB.cs OrgB "[OrganisationTier(\"org-b\", Within = [$laws])]" orgb

{
    printf 'using PolicyAsCode;\n\nnamespace Bench.Policies;\n\n'
    printf '/// <summary>Tier 3: %d dimensions.</summary>\n[UserTier(Within = [typeof(OrgA), typeof(OrgB)])]\npublic partial record Prefs\n{\n' "$n"
    for ((i = 0; i < n; i++)); do
        k=$((i % 6))
        printf -v name 'D%04d' "$i"
        printf '    [Described("dimension %d")]\n    %s\n    [Enables(Benefit.%s)]\n    [Mitigates(Risk.%s)]\n    public %s %s { get; init; } = %s;\n\n' \
            "$i" "${bound[user:$k]}" "${benefits[i % 8]}" "${risks[(i + 3) % 8]}" "${types[k]}" "$name" "${defaults[k]}"
    done
    printf '}\n'
} > "$out/Prefs.cs"
