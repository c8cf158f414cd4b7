// Every PolicyAsCode diagnostic, on purpose. Excluded from the normal build; see them with
//   dotnet build samples/QuickStart -p:ShowDiagnostics=true
// (the build then fails: most of these are errors).
using System;
using PolicyAsCode;

namespace QuickStart.Showcase;

public enum Level
{
    Low,
    Medium,
    High,
}

[ImmutableTier("XX")]
public partial record ShowcaseLaw
{
    [AtMost(Level.Medium)]
    [Mitigates(Risk.ManipulationOfTheVulnerable)]
    public Level Level { get; init; }

    [Between(0, 30)]
    public int Days { get; init; }

    // PAC0006: this tier's own bounds leave no value.
    [AtMost(Level.Low)]
    [AtLeast(Level.High)]
    public Level Other { get; init; }

    // PAC0004: no user tier below has a dimension called Ghost.
    [AtMost(3)]
    public int Ghost { get; init; }

    [Locked(true, WaivableBy = TierRank.User)]
    public bool Disclose { get; init; }

    [AtMost(Level.Low, When = Fact.Minor)]
    public Level Detail { get; init; }
}

[OrganisationTier("showcase-org", Within = [typeof(ShowcaseLaw)])]
public partial record ShowcaseOrg
{
    // PAC0002: no narrower than the law's AtMost(Level.Medium).
    [AtMost(Level.High)]
    public Level Level { get; init; }

    // PAC0001: locks a value the law does not allow.
    [Locked(40)]
    public int Days { get; init; }

    // PAC0010: the law delegates this waiver to users, not to organisations.
    [Waives(typeof(ShowcaseLaw))]
    public bool Disclose { get; init; }

    // PAC0012: for minors the law allows Low only, so this lock breaks when Minor holds (or is unknown).
    [Locked(Level.Medium)]
    public Level Detail { get; init; }

    // PAC0014: caps the hazards a user may ask to avoid (require them with AtLeast, or [Forbid] them, instead).
    [AtMost(Hazard.ViolentCrimes)]
    public Hazard AvoidHazards { get; init; }
}

[UserTier(Within = [typeof(ShowcaseOrg)])]
public partial record ShowcasePreferences
{
    // PAC0001: a user default above the law's AtMost(Level.Medium).
    [Enables(Benefit.Autonomy)]
    public Level Level { get; init; } = Level.High;

    [Enables(Benefit.Usefulness)]
    public int Days { get; init; }

    // PAC0007: no benefit or risk named. PAC0008 (info): no higher tier bounds it.
    public bool Playful { get; init; }

    [Mitigates(Risk.ManipulationOfTheVulnerable)]
    public Level Other { get; init; }

    [Mitigates(Risk.Anthropomorphism)]
    public bool Disclose { get; init; } = true;

    [Mitigates(Risk.ManipulationOfTheVulnerable)]
    public Level Detail { get; init; }

    [Enables(Benefit.Autonomy)]
    public Hazard AvoidHazards { get; init; }

    // PAC0001 in a preset: the law allows at most Medium.
    public static ShowcasePreferences Adventurous => new() { Level = Level.High };
}

// PAC0003: an organisation cannot sit within another organisation.
[OrganisationTier("nested-org", Within = [typeof(ShowcaseOrg)])]
public partial record NestedOrg;

// PAC0009: the generator cannot extend a user tier that is not partial.
[UserTier(Within = [typeof(ShowcaseOrg)])]
public record SealedPreferences
{
    [Enables(Benefit.Autonomy)]
    public Level Level { get; init; }
}

[UserTier(Within = [typeof(ShowcaseOrg)])]
public partial record BadlyTypedPreferences
{
    // PAC0005: a string dimension needs [Allowed(...)] listing its values.
    public string Language { get; init; } = "en";

    // PAC0016: DateTime is not a dimension kind.
    public DateTime Since { get; init; }

    // PAC0017: an enum dimension needs 1 to 64 members.
    [Enables(Benefit.Autonomy)]
    public Nothing Choice { get; init; }

    // PAC0019: the generated evaluator adds a member named Registry.
    public int Registry { get; init; }

    [Enables(Benefit.Usefulness)]
    public int MemoryDays { get; init; }

    // PAC0020: "memoryDays" in preferences JSON, as MemoryDays is.
    [Enables(Benefit.Usefulness)]
    public int memoryDays { get; init; }
}

public enum Nothing
{
}
