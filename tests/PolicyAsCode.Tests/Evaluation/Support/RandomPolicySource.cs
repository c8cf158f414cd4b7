using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PolicyAsCode.Evaluation.Tests.Support;

/// <summary>The C# source of one random policy, in its own namespace, with the seed that reproduces it.</summary>
/// <param name="Seed">The seed the source was made from.</param>
/// <param name="Namespace">The namespace holding the policy's types.</param>
/// <param name="UserTier">The user tier's full name.</param>
/// <param name="Source">The C# source.</param>
public sealed record RandomPolicy(int Seed, string Namespace, string UserTier, string Source);

/// <summary>
/// Writes random policies as a team would: 1–3 immutable tiers (jurisdictions may repeat in another case) or laws
/// within laws (see <see cref="Create"/>), 0–2 organisation tiers, a user tier; 1–8 dimensions of every kind (bool, ordinal enums with gaps, aliases and no
/// zero, int, double, [Flags] enums of several underlying types, strings with an allowed list, the user's own
/// hazard list); bounds of every form, conditional on facts, waivable by lower tiers and waived by them (or
/// claimed without delegation), contradicting each other on purpose; hazard rules; and defaults by initialisers.
/// Every bound is valid on its own, so the generator always emits; their combinations are not checked at all.
/// </summary>
public static partial class RandomPolicySource
{
    private static readonly string[] Jurisdictions = ["EU", "US", "UK", "eu", "Br"];
    private static readonly string[] Conditions = ["Fact.Minor", "Fact.ConsentsToMemory", "Fact.RolePlay", "Fact.Minor | Fact.RolePlay", "Fact.ConsentsToMemory | Fact.Minor"];
    private static readonly string[] ShippedHazards =
    [
        "ViolentCrimes", "NonViolentCrimes", "SexRelatedCrimes", "ChildSexualExploitation", "Defamation", "SpecializedAdvice", "Privacy",
        "IntellectualProperty", "IndiscriminateWeapons", "Hate", "SuicideAndSelfHarm", "SexualContent", "Elections", "CodeInterpreterAbuse",
    ];

    private enum Kind
    {
        Bool,
        Ordinal,
        Int,
        Real,
        Flags,
        Choice,
        Hazard,
    }

    /// <summary>
    /// Makes the policy of <paramref name="seed"/> in namespace <paramref name="ns"/>; with <paramref name="customHazards"/>,
    /// it may name project hazard categories (assembly attributes, so they apply to every policy compiled with it).
    /// Its laws sit within each other as <paramref name="nesting"/> says; when it is null, a quarter of the policies
    /// have laws within laws, of a random <see cref="LawNesting"/>. Laws within laws mostly narrow the laws they sit
    /// within, sometimes contradict them; organisations are deployed under national laws, supra-national ones or both.
    /// With <paramref name="sharedJurisdiction"/>, laws within laws always include a second law for a jurisdiction
    /// already there (otherwise a fifth of them do), so a batch can be sure to cover that case.
    /// With <paramref name="dimensions"/>, the user tier has that many dimensions instead of 1 to 8 (rarely none).
    /// </summary>
    public static RandomPolicy Create(int seed, string ns, bool customHazards = true, LawNesting? nesting = null, bool sharedJurisdiction = false, int? dimensions = null)
    {
        var writer = new Writer(new Random(seed), ns, customHazards, nesting, sharedJurisdiction, dimensions);
        return new RandomPolicy(seed, ns, ns + ".Prefs", writer.Write());
    }

    private sealed class Dimension
    {
        public required string Name { get; init; }

        public required Kind Kind { get; init; }

        public required string Type { get; init; }

        /// <summary>Ordinal: (name, value) in declaration order; flags: (name, mask); choice: the strings; hazard: shipped and custom names.</summary>
        public List<(string Name, long Value)> Members { get; } = [];

        /// <summary>Ordinal: the distinct values, ascending (their positions).</summary>
        public List<long> Ordered { get; } = [];

        /// <summary>Flags: every defined bit.</summary>
        public ulong Mask { get; set; }
    }

    private sealed class Tier
    {
        public required string Name { get; init; }

        public required int Rank { get; init; }

        public List<string> Attributes { get; } = [];

        public Dictionary<string, List<string>> PropertyAttributes { get; } = [];

        public Dictionary<string, string> Initialisers { get; } = [];

        /// <summary>(dimension, rank that may waive) of every bound this tier made waivable.</summary>
        public List<(string Dimension, int WaivableBy)> Waivable { get; } = [];

        public List<string> Within { get; } = [];

        /// <summary>For a law: its jurisdiction.</summary>
        public string Jurisdiction { get; init; } = string.Empty;

        /// <summary>For a law: the laws it sits within (written as its <c>Within</c>), listed before it.</summary>
        public List<Tier> Outer { get; } = [];

        /// <summary>The bounds this tier wrote, by dimension name, so that a law within it can narrow or contradict them.</summary>
        public List<(string Dimension, BoundDraft Bound)> Bounds { get; } = [];
    }

    private sealed partial class Writer(Random random, string ns, bool allowCustomHazards, LawNesting? nesting, bool sharedJurisdiction, int? dimensions)
    {
        private readonly List<string> _types = [];
        private readonly List<Dimension> _dimensions = [];
        private readonly List<string> _assembly = [];

        public string Write()
        {
            var customHazards = new List<string>();
            if (Chance(0.3) && allowCustomHazards)
            {
                customHazards.Add("Custom1");
                _assembly.Add("[assembly: PolicyAsCode.HazardCategory(PolicyAsCode.Hazard.Custom1, \"X1\", \"a project category\")]");
            }

            if (Chance(0.15) && allowCustomHazards)
            {
                customHazards.Add("Custom5");
                _assembly.Add("[assembly: PolicyAsCode.HazardCategory(PolicyAsCode.Hazard.Custom5, \"X5\", \"another project category\")]");
            }

            // 1 to 8 dimensions (rarely none); rarely a second hazard list, which is then a plain set.
            var dimensionCount = dimensions ?? (Chance(0.03) ? 0 : random.Next(1, 9));
            var hazardLists = 0;
            for (var i = 0; i < dimensionCount; i++)
            {
                var kind = (Kind)random.Next(0, hazardLists == 0 || Chance(0.05) ? 7 : 6);
                hazardLists += kind == Kind.Hazard ? 1 : 0;
                _dimensions.Add(NewDimension(i, kind));
            }

            var laws = (nesting ?? (Chance(0.25) ? (LawNesting)random.Next(1, 6) : LawNesting.None)) is var shape and not LawNesting.None
                ? NestedLaws(shape)
                : Enumerable.Range(0, random.Next(1, 4)).Select(i => new Tier { Name = "Law" + i, Rank = 1, Jurisdiction = Pick(Jurisdictions) }).ToList();
            var nested = laws.Any(l => l.Outer.Count > 0);
            var organisations = Enumerable.Range(0, random.Next(0, 3)).Select(i => new Tier { Name = "Org" + i, Rank = 2 }).ToList();
            var user = new Tier { Name = "Prefs", Rank = 3 };

            // The hierarchy: each organisation within some laws; the user tier within every organisation and any law
            // none covers (a law is covered by a law within it, whose Within leads to it).
            foreach (var organisation in organisations)
            {
                organisation.Within.AddRange((nested ? DeployedUnder(laws) : laws.Where(_ => Chance(0.7))).Select(l => l.Name));
            }

            var covered = Covered(laws.Where(l => organisations.Any(o => o.Within.Contains(l.Name))));
            var uncovered = laws.Where(l => !covered.Contains(l)).ToList();
            user.Within.AddRange(organisations.Select(o => o.Name));
            user.Within.AddRange(laws
                .Where(l => (uncovered.Contains(l) && (!nested || Chance(0.5) || !uncovered.Any(o => o != l && Covered([o]).Contains(l)))) || Chance(0.1))
                .Select(l => l.Name));

            foreach (var law in laws)
            {
                law.Within.AddRange(law.Outer.Select(o => o.Name));
                law.Attributes.Add(law.Within.Count == 0 ? $"[ImmutableTier(\"{law.Jurisdiction}\")]" : $"[ImmutableTier(\"{law.Jurisdiction}\", Within = [{Within(law)}])]");
                FillTier(law, higher: [], customHazards);
            }

            foreach (var organisation in organisations)
            {
                organisation.Attributes.Add($"[OrganisationTier(\"org-{organisation.Name.ToLowerInvariant()}\", Within = [{Within(organisation)}])]");
                FillTier(organisation, laws, customHazards);
            }

            user.Attributes.Add($"[UserTier(Within = [{Within(user)}])]");
            FillTier(user, [.. laws, .. organisations], customHazards);

            var text = new StringBuilder();
            text.AppendLine("// <random policy>");
            text.AppendLine("using System;");
            text.AppendLine("using PolicyAsCode;");
            foreach (var line in _assembly)
            {
                text.AppendLine(line);
            }

            text.AppendLine();
            text.AppendLine($"namespace {ns}");
            text.AppendLine("{");
            foreach (var type in _types)
            {
                text.AppendLine(type);
            }

            foreach (var tier in laws.Concat(organisations).Append(user))
            {
                text.Append(Render(tier));
            }

            text.AppendLine("}");
            return text.ToString();
        }

        private static string Within(Tier tier) => string.Join(", ", tier.Within.Select(w => $"typeof({w})"));

        private bool Chance(double p) => random.NextDouble() < p;

        // One fact goes in When (Unless), several in WhenAll (UnlessAll), as an author must write them (PAC0021).
        // Decided from the facts drawn, not by a draw of its own, so every seed still writes the policy it always did.
        private static string Condition(string side, string facts) =>
            (facts.Contains('|', StringComparison.Ordinal) ? side + "All" : side) + " = " + facts;

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        private Dimension NewDimension(int index, Kind kind)
        {
            var name = "D" + index.ToString(CultureInfo.InvariantCulture);
            switch (kind)
            {
                case Kind.Bool:
                    return new Dimension { Name = name, Kind = kind, Type = "bool" };
                case Kind.Int:
                    return new Dimension { Name = name, Kind = kind, Type = "int" };
                case Kind.Real:
                    return new Dimension { Name = name, Kind = kind, Type = "double" };
                case Kind.Hazard:
                {
                    var hazard = new Dimension { Name = name, Kind = kind, Type = "Hazard" };
                    foreach (var h in ShippedHazards)
                    {
                        hazard.Members.Add((h, 0));
                    }

                    for (var c = 1; c <= 8; c++)
                    {
                        hazard.Members.Add(("Custom" + c.ToString(CultureInfo.InvariantCulture), 0));
                    }

                    return hazard;
                }

                case Kind.Choice:
                {
                    var choice = new Dimension { Name = name, Kind = kind, Type = "string" };
                    var pool = new[] { "low", "mid", "high", "max", string.Empty, "zürich", "with space", "q\"uote", "back\\slash" };
                    var count = random.Next(1, 6);
                    foreach (var text in pool.OrderBy(_ => random.Next()).Take(count))
                    {
                        choice.Members.Add((text, 0));
                    }

                    return choice;
                }

                case Kind.Ordinal:
                {
                    var type = "E" + index.ToString(CultureInfo.InvariantCulture);
                    var ordinal = new Dimension { Name = name, Kind = kind, Type = type };
                    var underlying = Pick(new[] { "int", "int", "byte", "sbyte", "long", "short" });
                    var signed = underlying != "byte";
                    var values = new SortedSet<long>();
                    var count = random.Next(1, 6);
                    while (values.Count < count)
                    {
                        values.Add(signed ? random.Next(-4, 9) : random.Next(0, 12));
                    }

                    if (Chance(0.5))
                    {
                        values.Add(0);
                    }

                    if (Chance(0.15))
                    {
                        // The underlying type's greatest value: no value above it is left to stand for an undefined one.
                        values.Add(underlying switch { "byte" => byte.MaxValue, "sbyte" => sbyte.MaxValue, "short" => short.MaxValue, "int" => int.MaxValue, _ => long.MaxValue });
                    }

                    ordinal.Ordered.AddRange(values);
                    var declared = values.OrderBy(_ => random.Next()).ToList();
                    var body = new List<string>();
                    foreach (var value in declared)
                    {
                        var member = "M" + (value < 0 ? "n" + (-value).ToString(CultureInfo.InvariantCulture) : value.ToString(CultureInfo.InvariantCulture));
                        ordinal.Members.Add((member, value));
                        body.Add($"{member} = {value.ToString(CultureInfo.InvariantCulture)}");
                    }

                    if (Chance(0.3))
                    {
                        // An alias: a second name for a value (the dimension keeps one member per value).
                        var (aliased, value) = Pick(ordinal.Members);
                        ordinal.Members.Add(("Alias" + aliased, value));
                        body.Add($"Alias{aliased} = {aliased}");
                    }

                    _types.Add($"    public enum {type} : {underlying} {{ {string.Join(", ", body)} }}");
                    return ordinal;
                }

                default:
                {
                    var type = "F" + index.ToString(CultureInfo.InvariantCulture);
                    var flags = new Dimension { Name = name, Kind = Kind.Flags, Type = type };
                    var underlying = Pick(new[] { "int", "int", "uint", "long", "ulong", "byte" });
                    var width = underlying switch { "byte" => 8, "int" or "uint" => 32, _ => 64 };
                    var bits = new SortedSet<int>();
                    var count = random.Next(1, 6);
                    while (bits.Count < count)
                    {
                        // Mostly low bits; sometimes the type's top bit (negative for signed types).
                        bits.Add(Chance(0.1) ? width - 1 : random.Next(0, Math.Min(width, 7)));
                    }

                    var body = new List<string>();
                    if (Chance(0.6))
                    {
                        body.Add("None = 0");
                    }

                    foreach (var bit in bits)
                    {
                        var member = "B" + bit.ToString(CultureInfo.InvariantCulture);
                        var value = underlying is "int" or "long" && bit == width - 1
                            ? (underlying == "int" ? "int.MinValue" : "long.MinValue")
                            : (underlying is "ulong" ? "1UL" : underlying is "long" ? "1L" : underlying is "uint" ? "1U" : "1") + " << " + bit.ToString(CultureInfo.InvariantCulture);
                        body.Add($"{member} = {value}");
                        flags.Members.Add((member, bit));
                    }

                    if (bits.Count >= 2 && Chance(0.3))
                    {
                        // A composite member, as [Flags] enums often have.
                        body.Add($"Both = {flags.Members[0].Name} | {flags.Members[1].Name}");
                    }

                    _types.Add($"    [Flags] public enum {type} : {underlying} {{ {string.Join(", ", body)} }}");
                    return flags;
                }
            }
        }

        private void FillTier(Tier tier, IReadOnlyList<Tier> higher, List<string> customHazards)
        {
            var forbids = random.Next(0, tier.Rank == 3 ? 2 : 3);
            for (var i = 0; i < forbids; i++)
            {
                var hazards = Enumerable.Range(0, random.Next(1, 4)).Select(_ => "Hazard." + (customHazards.Count > 0 && Chance(0.2) ? Pick(customHazards) : Chance(0.05) ? "Custom7" : Pick(ShippedHazards))).Distinct();
                tier.Attributes.Add($"[Forbid({string.Join(" | ", hazards)}{Named(conditions: true, waivable: null)})]");
            }

            foreach (var dimension in _dimensions)
            {
                // A law within others declares most of what they (and the laws they sit within) bound, and mostly
                // narrows those bounds, sometimes contradicts them.
                var outer = Covered(tier.Outer).SelectMany(o => o.Bounds).Where(b => b.Dimension == dimension.Name).Select(b => b.Bound).ToList();
                var declare = tier.Rank == 3 || Chance(outer.Count > 0 ? 0.9 : 0.6);
                if (!declare)
                {
                    continue;
                }

                var attributes = new List<string>();
                if (tier.Rank == 3 && dimension.Kind == Kind.Choice)
                {
                    attributes.Add($"[Allowed({string.Join(", ", dimension.Members.Select(m => Literal(m.Name)))})]");
                }

                if (tier.Rank == 3 && dimension.Kind != Kind.Hazard && Chance(0.25))
                {
                    attributes.Add("[HigherIsStricter]");
                }

                var drafts = outer.Count > 0
                    ? WithinOuter(dimension, outer)
                    : Enumerable.Range(0, tier.Rank == 3 ? random.Next(0, 3) / 2 : Pick(new[] { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 3 })).Select(_ => DrawBound(dimension)).ToList();
                foreach (var draft in drafts)
                {
                    var waivableBy = tier.Rank switch
                    {
                        1 when Chance(0.2) => 3,
                        1 when Chance(0.1) => 2,
                        2 when Chance(0.2) => 3,
                        _ => 0,
                    };
                    attributes.Add(Render(draft, waivableBy));
                    tier.Bounds.Add((dimension.Name, draft));
                    if (waivableBy != 0)
                    {
                        tier.Waivable.Add((dimension.Name, waivableBy));
                    }
                }

                // Waiver claims: mostly of what a higher tier delegated to this rank, sometimes of what it did not.
                foreach (var other in higher)
                {
                    var delegated = other.Waivable.Any(w => w.Dimension == dimension.Name && w.WaivableBy == tier.Rank);
                    if ((delegated && Chance(0.75)) || Chance(0.03))
                    {
                        var when = Chance(0.6) ? ", " + Condition("When", Pick(Conditions)) : string.Empty;
                        attributes.Add($"[Waives(typeof({other.Name}){when})]");
                    }
                }

                if (Chance(tier.Rank == 3 ? 0.6 : 0.3))
                {
                    tier.Initialisers[dimension.Name] = Value(dimension);
                }

                tier.PropertyAttributes[dimension.Name] = attributes;
            }
        }

        private string Named(bool conditions, int? waivable)
        {
            var named = new List<string>();
            if (conditions && Chance(0.35))
            {
                named.Add(Condition("When", Pick(Conditions)));
            }

            if (conditions && Chance(0.2))
            {
                named.Add(Condition("Unless", Pick(Conditions)));
            }

            if (waivable is 2)
            {
                named.Add("WaivableBy = TierRank.Organisation");
            }
            else if (waivable is 3)
            {
                named.Add("WaivableBy = TierRank.User");
            }

            if (Chance(0.3))
            {
                named.Add("Reason = \"because " + random.Next(100).ToString(CultureInfo.InvariantCulture) + "\"");
            }

            return named.Count == 0 ? string.Empty : ", " + string.Join(", ", named);
        }

        /// <summary>A bound of any form the dimension supports, valid on its own; Locked contradicts most, so it is rarer.</summary>
        private BoundDraft DrawBound(Dimension dimension)
        {
            var hasMembers = dimension.Kind is not (Kind.Int or Kind.Real);
            var form = Pick(hasMembers
                ? new[] { Form.AtMost, Form.AtMost, Form.AtMost, Form.AtLeast, Form.AtLeast, Form.Between, Form.Between, Form.Locked, Form.Allowed, Form.Allowed }
                : new[] { Form.AtMost, Form.AtMost, Form.AtMost, Form.AtLeast, Form.AtLeast, Form.AtLeast, Form.Between, Form.Between, Form.Locked });
            switch (form)
            {
                case Form.AtMost:
                    return new BoundDraft(form, [Draw(dimension, bias: 1)]);
                case Form.AtLeast:
                    return new BoundDraft(form, [Draw(dimension, bias: -1)]);
                case Form.Between:
                    var (lo, hi) = OrderedPair(dimension);
                    return new BoundDraft(form, [lo, hi]);
                case Form.Locked:
                    return new BoundDraft(form, [Draw(dimension)]);
                default:
                    return new BoundDraft(form, [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => Draw(dimension))]);
            }
        }

        /// <summary>The attribute of a bound, with random named arguments.</summary>
        private string Render(BoundDraft bound, int waivableBy) =>
            $"[{bound.Form}({string.Join(", ", bound.Points.Select(p => p.Text))}{Named(true, waivableBy)})]";

        /// <summary>A constant of the dimension's type.</summary>
        private string Value(Dimension dimension, int bias = 0) => Draw(dimension, bias).Text;

        /// <summary>A constant of the dimension's type, with its place in the dimension's order.</summary>
        private Point Draw(Dimension dimension, int bias = 0)
        {
            // Mostly, upper bounds are drawn high and lower bounds low, so that tiers often agree and values get
            // clamped or waived; sometimes not, so that bounds contradict each other.
            if (bias != 0 && Chance(0.3))
            {
                bias = 0;
            }

            switch (dimension.Kind)
            {
                case Kind.Bool:
                    return Position(dimension, bias > 0 ? 1 : bias < 0 ? 0 : Chance(0.5) ? 1 : 0);
                case Kind.Int:
                case Kind.Real:
                {
                    var a = Number(dimension.Kind == Kind.Int);
                    var b = Number(dimension.Kind == Kind.Int);
                    var (text, value) = bias > 0 ? (a.Value >= b.Value ? a : b) : bias < 0 ? (a.Value <= b.Value ? a : b) : a;
                    return new Point(text, value, 0);
                }

                case Kind.Choice:
                    return Position(dimension, Biased(dimension.Members.Count, bias));
                case Kind.Ordinal:
                    return Position(dimension, Biased(dimension.Ordered.Count, bias));
                default:
                {
                    var count = Members(dimension).Count;
                    return Mask(dimension, bias > 0 ? random.Next(count / 2, count + 1) : bias < 0 ? random.Next(0, 2) : random.Next(0, 4));
                }
            }
        }

        private int Biased(int count, int bias)
        {
            var a = random.Next(count);
            var b = random.Next(count);
            return bias > 0 ? Math.Max(a, b) : bias < 0 ? Math.Min(a, b) : a;
        }

        /// <summary>Two constants of the dimension's type, the first not above the second (for sets: a subset of it).</summary>
        private (Point Lo, Point Hi) OrderedPair(Dimension dimension)
        {
            switch (dimension.Kind)
            {
                case Kind.Bool:
                    var (lo, hi) = Pick(new[] { (0, 0), (0, 1), (1, 1) });
                    return (Position(dimension, lo), Position(dimension, hi));
                case Kind.Int:
                case Kind.Real:
                {
                    var a = Number(dimension.Kind == Kind.Int);
                    var b = Number(dimension.Kind == Kind.Int);
                    var (first, second) = a.Value <= b.Value ? (a, b) : (b, a);
                    return (new Point(first.Text, first.Value, 0), new Point(second.Text, second.Value, 0));
                }

                case Kind.Choice:
                case Kind.Ordinal:
                {
                    var count = Count(dimension);
                    var i = random.Next(count);
                    var j = random.Next(i, count);
                    return (Position(dimension, i), Position(dimension, j));
                }

                default:
                {
                    var names = Members(dimension);
                    var ceiling = names.Where(_ => Chance(0.6)).ToList();
                    var floor = ceiling.Where(_ => Chance(0.4)).ToList();
                    return (MaskOf(dimension, floor), MaskOf(dimension, ceiling));
                }
            }
        }

        /// <summary>The member at a position of a bool, choice or ordinal dimension (an ordinal's position among its distinct values).</summary>
        private Point Position(Dimension dimension, int position) => dimension.Kind switch
        {
            Kind.Bool => new Point(position == 1 ? "true" : "false", position, 0),
            Kind.Choice => new Point(Literal(dimension.Members[position].Name), position, 0),
            _ => new Point(OrdinalMember(dimension, dimension.Ordered[position]), position, 0),
        };

        /// <summary>How many positions a bool, choice or ordinal dimension has.</summary>
        private static int Count(Dimension dimension) => dimension.Kind switch
        {
            Kind.Bool => 2,
            Kind.Choice => dimension.Members.Count,
            _ => dimension.Ordered.Count,
        };

        private string OrdinalMember(Dimension dimension, long value) =>
            dimension.Type + "." + Pick(dimension.Members.Where(m => m.Value == value).ToList()).Name;

        private List<string> Members(Dimension dimension) =>
            dimension.Kind == Kind.Hazard
                ? dimension.Members.Where(m => !m.Name.StartsWith("Custom", StringComparison.Ordinal) || Chance(0.3)).Select(m => m.Name).ToList()
                : dimension.Members.Select(m => m.Name).ToList();

        private Point Mask(Dimension dimension, int count) =>
            MaskOf(dimension, Members(dimension).OrderBy(_ => random.Next()).Take(count).ToList());

        /// <summary>A flag mask of the named members; its bits are the members' indexes, so masks compare by inclusion.</summary>
        private static Point MaskOf(Dimension dimension, List<string> names)
        {
            var bits = 0UL;
            foreach (var name in names)
            {
                bits |= 1UL << dimension.Members.FindIndex(m => m.Name == name);
            }

            var text = names.Count == 0 ? $"({dimension.Type})0" : string.Join(" | ", names.Select(n => dimension.Type + "." + n));
            return new Point(text, 0, bits);
        }

        private (string Text, double Value) Number(bool integer)
        {
            if (integer)
            {
                var choice = random.Next(0, 20);
                return choice switch
                {
                    0 => ("int.MinValue", int.MinValue),
                    1 => ("int.MaxValue", int.MaxValue),
                    _ => random.Next(-12, 40) is var n ? (n.ToString(CultureInfo.InvariantCulture), n) : default,
                };
            }

            var pick = random.Next(0, 12);
            double value = pick switch
            {
                0 => 1e300,
                1 => -1e300,
                2 => double.MaxValue,
                3 => random.Next(-3, 4),
                _ => Math.Round((random.NextDouble() * 4) - 1.5, random.Next(0, 4)),
            };

            var text = value == double.MaxValue ? "double.MaxValue"
                : pick == 3 ? ((int)value).ToString(CultureInfo.InvariantCulture)
                : value.ToString("R", CultureInfo.InvariantCulture) + (Chance(0.5) ? "d" : string.Empty);
            return (text, value);
        }

        private static string Literal(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

        private string Render(Tier tier)
        {
            var text = new StringBuilder();
            foreach (var attribute in tier.Attributes)
            {
                text.AppendLine("    " + attribute);
            }

            text.AppendLine($"    public partial record {tier.Name}");
            text.AppendLine("    {");
            foreach (var dimension in _dimensions)
            {
                if (!tier.PropertyAttributes.TryGetValue(dimension.Name, out var attributes))
                {
                    continue;
                }

                foreach (var attribute in attributes)
                {
                    text.AppendLine("        " + attribute);
                }

                var initialiser = tier.Initialisers.TryGetValue(dimension.Name, out var value) ? " = " + value + ";" : string.Empty;
                text.AppendLine($"        public {dimension.Type} {dimension.Name} {{ get; init; }}{initialiser}");
            }

            // Members that are no dimension: a computed property, a private one, and (on a higher tier) a bounded
            // property the user tier does not have, which the generator ignores.
            if (Chance(0.1))
            {
                text.AppendLine("        public int Computed => 42;");
                text.AppendLine("        private string Note { get; init; } = \"n\";");
            }

            if (tier.Rank < 3 && Chance(0.1))
            {
                text.AppendLine("        [AtMost(3)]");
                text.AppendLine("        public int NotADimension { get; init; }");
            }

            text.AppendLine("    }");
            text.AppendLine();
            return text.ToString();
        }
    }
}
