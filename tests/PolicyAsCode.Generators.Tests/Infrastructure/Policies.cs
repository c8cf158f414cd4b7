namespace PolicyAsCode.Generators.Tests.Infrastructure;

/// <summary>Small policies written inline, each showing one shape the generator must handle.</summary>
internal static class Policies
{
    /// <summary>The SPEC's minimal policy: one ordinal dimension, one law, one organisation, one user tier.</summary>
    public static readonly SourceFile[] Minimal =
    [
        new("Minimal.cs", """
            using PolicyAsCode;

            namespace Minimal;

            public enum Maturity
            {
                General,
                Teen,
                Mature,
            }

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(Maturity.Mature)]
                public Maturity Maturity { get; init; }
            }

            [OrganisationTier("acme", Within = [typeof(EuLaw)])]
            public partial record Acme
            {
                [AtMost(Maturity.Teen)]
                public Maturity Maturity { get; init; }
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                public Maturity Maturity { get; init; } = Maturity.General;
            }
            """),
    ];

    /// <summary>Every dimension kind (bool, ordinal, int, double, [Flags] set, string choice, hazard set) and every bound form.</summary>
    public static readonly SourceFile[] EveryKind =
    [
        new("Types.cs", """
            using System;

            namespace EveryKind;

            public enum Level
            {
                Low = -1,
                Medium = 5,
                High = 10,
            }

            [Flags]
            public enum Channels : byte
            {
                None = 0,
                Text = 1,
                Voice = 2,
                Images = 4,
                Video = 8,
            }
            """),
        new("Tiers.cs", """
            using PolicyAsCode;

            namespace EveryKind;

            [ImmutableTier("XX")]
            [Forbid(Hazard.ChildSexualExploitation, Reason = "illegal everywhere")]
            public partial record Law
            {
                [Locked(true, Reason = "always disclosed")]
                public bool Disclose { get; init; }

                [AtLeast(Level.Medium)]
                public Level Strictness { get; init; }

                [Between(0, 90)]
                public int Days { get; init; }

                [AtMost(0.9)]
                public double Temperature { get; init; }

                [AtLeast(Channels.Text)]
                public Channels Channels { get; init; }

                [Allowed("en", "de")]
                public string Language { get; init; } = "en";
            }

            [OrganisationTier("org", Within = [typeof(Law)])]
            [Forbid(Hazard.Elections | Hazard.Hate)]
            public partial record Org
            {
                [Between(Level.Medium, Level.High)]
                public Level Strictness { get; init; } = Level.High;

                [AtLeast(1)]
                [AtMost(30)]
                public int Days { get; init; } = 7;

                [Between(0.1, 0.7)]
                public double Temperature { get; init; } = 0.5;

                [AtMost(Channels.Text | Channels.Voice | Channels.Images)]
                [Allowed(Channels.Text | Channels.Voice)]
                public Channels Channels { get; init; }

                [Locked("en")]
                public string Language { get; init; } = "en";

                [AtLeast(Hazard.Hate)]
                public Hazard Avoid { get; init; }
            }

            [UserTier(Within = [typeof(Org)])]
            public partial record Settings
            {
                [Described("Whether the assistant says it is an AI")]
                [HigherIsStricter]
                [Mitigates(Risk.Anthropomorphism)]
                public bool Disclose { get; init; } = true;

                [Described("How strict the assistant is")]
                [HigherIsStricter]
                [Enables(Benefit.Autonomy)]
                public Level Strictness { get; init; }

                [Described("Days of memory")]
                [Enables(Benefit.Usefulness)]
                [Mitigates(Risk.PrivacyInfringement)]
                public int Days { get; init; }

                [Described("Sampling temperature")]
                public double Temperature { get; init; } = 0.25;

                [Described("Channels the assistant answers on")]
                public Channels Channels { get; init; } = Channels.Text;

                [Described("The language of answers")]
                [Allowed("en", "de", "fr")]
                public string Language { get; init; } = "en";

                [Described("Hazards this user never wants to see")]
                public Hazard Avoid { get; init; } = Hazard.Defamation;
            }
            """),
    ];

    /// <summary>Conditional bounds (When, Unless), a bound delegated to the user and claimed, and one delegated to the organisation and claimed.</summary>
    public static readonly SourceFile[] ConditionalWaiver =
    [
        new("Conditional.cs", """
            using PolicyAsCode;

            namespace Conditional;

            public enum Maturity
            {
                General,
                Teen,
                Mature,
            }

            [ImmutableTier("EU")]
            [Forbid(Hazard.SexualContent, When = Fact.Minor, Reason = "minors")]
            public partial record EuLaw
            {
                [AtMost(Maturity.Teen, When = Fact.Minor, Reason = "minors get at most teen content")]
                [AtMost(Maturity.Teen, Unless = Fact.VerifiedAdult, WaivableBy = TierRank.Organisation, Reason = "unverified users get at most teen content")]
                public Maturity Maturity { get; init; }

                [Locked(true, WaivableBy = TierRank.User, Reason = "disclose the AI unless the user waives it for role-play")]
                public bool DiscloseAi { get; init; }

                [Locked(0, Unless = Fact.ConsentsToMemory, Reason = "no memory without consent")]
                [AtMost(30, WhenAll = Fact.ConsentsToMemory | Fact.Professional)]
                public int MemoryDays { get; init; }
            }

            [ImmutableTier("US")]
            public partial record UsLaw
            {
                [AtMost(Maturity.Teen, When = Fact.Minor)]
                public Maturity Maturity { get; init; }
            }

            [OrganisationTier("fiction", Within = [typeof(EuLaw), typeof(UsLaw)])]
            public partial record FictionPlatform
            {
                [Waives(typeof(EuLaw), When = Fact.VerifiedAdult)]
                public Maturity Maturity { get; init; } = Maturity.Teen;
            }

            [UserTier(Within = [typeof(FictionPlatform)])]
            public partial record Reader
            {
                public Maturity Maturity { get; init; }

                [HigherIsStricter]
                [Waives(typeof(EuLaw), When = Fact.RolePlay)]
                public bool DiscloseAi { get; init; } = true;

                public int MemoryDays { get; init; }
            }
            """),
    ];

    /// <summary>A policy in the global namespace.</summary>
    public static readonly SourceFile[] GlobalNamespace =
    [
        new("Global.cs", """
            using PolicyAsCode;

            [ImmutableTier("EU")]
            public partial record GlobalLaw
            {
                [Between(0, 30)]
                public int MemoryDays { get; init; }
            }

            [UserTier(Within = [typeof(GlobalLaw)])]
            public partial record GlobalPrefs
            {
                public int MemoryDays { get; init; } = 7;
            }
            """),
    ];

    /// <summary>A user tier nested in partial classes, inside a namespace.</summary>
    public static readonly SourceFile[] Nested =
    [
        new("Nested.cs", """
            using PolicyAsCode;

            namespace Nested.Policies;

            public static partial class Outer
            {
                public partial class Inner
                {
                    [ImmutableTier("EU")]
                    public partial record Law
                    {
                        [AtMost(0.5)]
                        public double Creativity { get; init; }
                    }

                    [UserTier(Within = [typeof(Law)])]
                    public partial record Prefs
                    {
                        public double Creativity { get; init; } = 0.25;
                    }
                }
            }
            """),
    ];

    /// <summary>Two tiers whose bounds on one dimension do not intersect: the runtime fails closed, so it still emits.</summary>
    /// <summary>Bounds of two tiers that always apply and leave nothing: no value is ever inside them.</summary>
    public static readonly SourceFile[] UnconditionalContradiction =
    [
        new("UnconditionalContradiction.cs", """
            using PolicyAsCode;

            namespace UnconditionalContradiction;

            public enum Maturity
            {
                General,
                Teen,
                Mature,
            }

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(Maturity.Mature)]
                public Maturity Maturity { get; init; }
            }

            [OrganisationTier("strict", Within = [typeof(EuLaw)])]
            public partial record Strict
            {
                [AtMost(Maturity.General)]
                public Maturity Maturity { get; init; }

                [AtMost(5)]
                public int MemoryDays { get; init; }
            }

            [UserTier(Within = [typeof(Strict)])]
            public partial record Prefs
            {
                [AtLeast(Maturity.Teen)]
                [Enables(Benefit.Autonomy)]
                public Maturity Maturity { get; init; } = Maturity.Teen;

                [Between(10, 20)]
                [Enables(Benefit.Autonomy)]
                public int MemoryDays { get; init; } = 10;
            }
            """),
    ];

    public static readonly SourceFile[] Contradiction =
    [
        new("Contradiction.cs", """
            using PolicyAsCode;

            namespace Contradiction;

            public enum Maturity
            {
                General,
                Teen,
                Mature,
            }

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [AtMost(Maturity.Teen)]
                public Maturity Maturity { get; init; }

                [Between(0, 10)]
                public int MemoryDays { get; init; }
            }

            [OrganisationTier("reckless", Within = [typeof(EuLaw)])]
            public partial record Reckless
            {
                [AtLeast(Maturity.Mature)]
                public Maturity Maturity { get; init; }

                [AtLeast(20)]
                public int MemoryDays { get; init; }
            }

            [UserTier(Within = [typeof(Reckless)])]
            public partial record Prefs
            {
                public Maturity Maturity { get; init; }

                public int MemoryDays { get; init; }
            }
            """),
    ];

    /// <summary>Reserved keywords used as names (namespace, containing type, user tier, dimension) and a negative enum member.</summary>
    public static readonly SourceFile[] KeywordNames =
    [
        new("Keywords.cs", """
            using PolicyAsCode;

            namespace Keywords.@class;

            public enum @enum
            {
                @base = -2,
                @this = 0,
                @checked = 3,
            }

            public static partial class @struct
            {
                [ImmutableTier("EU")]
                public partial record @operator
                {
                    [Between(0, 30)]
                    public int @default { get; init; }

                    [AtMost(@enum.@this)]
                    public @enum @params { get; init; }
                }

                [UserTier(Within = [typeof(@operator)])]
                public partial record @event
                {
                    public int @default { get; init; } = 7;

                    public @enum @params { get; init; } = @enum.@base;
                }
            }
            """),
    ];

    /// <summary>
    /// Laws within laws (issue 14): EU, DE within EU, DE-BY within DE, and US beside them. Declared innermost first and
    /// the organisation names only DE-BY and US, so the order of the laws comes from their nesting alone.
    /// </summary>
    public static readonly SourceFile[] NestedLaws =
    [
        new("Laws.cs", """
            using PolicyAsCode;

            namespace NestedLaws;

            public enum Maturity
            {
                General,
                Teen,
                Mature,
            }

            [ImmutableTier("DE-BY", Within = [typeof(DeLaw)])]
            public partial record DeByLaw
            {
                [Locked(0, When = Fact.Minor, Reason = "Bavarian youth protection")]
                public int MemoryDays { get; init; }
            }

            [ImmutableTier("DE", Within = [typeof(EuLaw)])]
            [Forbid(Hazard.Elections, Reason = "no election content")]
            public partial record DeLaw
            {
                [Between(0, 14, Reason = "German storage limit")]
                public int MemoryDays { get; init; }
            }

            [ImmutableTier("EU")]
            public partial record EuLaw
            {
                [Between(0, 30, Reason = "storage limitation")]
                public int MemoryDays { get; init; }

                [Locked(true, WaivableBy = TierRank.User, Reason = "AI Act disclosure")]
                public bool DiscloseAi { get; init; }

                [AtMost(Maturity.Teen, When = Fact.Minor)]
                public Maturity Maturity { get; init; }
            }

            [ImmutableTier("US")]
            public partial record UsLaw
            {
                [AtMost(Maturity.Mature)]
                public Maturity Maturity { get; init; }
            }
            """),
        new("Deployment.cs", """
            using PolicyAsCode;

            namespace NestedLaws;

            [OrganisationTier("acme", Within = [typeof(DeByLaw), typeof(UsLaw)])]
            public partial record Acme
            {
                [AtMost(21)]
                public int MemoryDays { get; init; } = 7;
            }

            [UserTier(Within = [typeof(Acme)])]
            public partial record Prefs
            {
                public int MemoryDays { get; init; }

                [HigherIsStricter]
                [Waives(typeof(EuLaw), When = Fact.RolePlay)]
                public bool DiscloseAi { get; init; } = true;

                public Maturity Maturity { get; init; }
            }
            """),
    ];

    /// <summary>Issue 16: a project's own benefit and risk (and hazard), declared once for the assembly and linked from dimensions, bounds and a hazard rule.</summary>
    public static readonly SourceFile[] CustomTaxonomy =
    [
        new("Taxonomy.cs", """
            using PolicyAsCode;

            [assembly: BenefitCategory(Benefit.Custom1, "benefit.societal.civic-trust", TaxonomyLevel.Societal, "Civic trust", "People trust public information they get through the assistant.")]
            [assembly: RiskCategory(Risk.Custom2, "risk.individual.news-fatigue", TaxonomyLevel.Individual, "News fatigue", "The user is worn out by a constant stream of news.")]
            [assembly: HazardCategory(Hazard.Custom1, "X1", "Promotion of unlicensed gambling.")]
            """),
        new("Civic.cs", """
            using PolicyAsCode;

            namespace Civic;

            [ImmutableTier("EU")]
            [Forbid(Hazard.Custom1, Reason = "no gambling promotion", Mitigates = [Risk.Custom2])]
            public partial record CivicLaw
            {
                [Mitigates(Risk.Custom2)]
                [AtMost(10, Reason = "no more than ten news items a day")]
                public int NewsPerDay { get; init; }
            }

            [UserTier(Within = [typeof(CivicLaw)])]
            public partial record Prefs
            {
                [Enables(Benefit.Custom1, Benefit.Autonomy)]
                public int NewsPerDay { get; init; } = 5;

                [Enables(Benefit.Autonomy)]
                public Hazard AvoidHazards { get; init; }
            }
            """),
    ];
}
