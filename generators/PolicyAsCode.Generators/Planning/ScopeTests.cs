using System.Collections.Generic;
using System.Linq;
using PolicyAsCode.Generators.Emitting;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Planning;

/// <summary>One context test, declared once: its name and its expression over the context and earlier tests.</summary>
internal sealed class ScopeTest(string name, string local, string expression)
{
    /// <summary>Its PascalCase name, a field of the evaluator's <c>Scope</c>.</summary>
    public string Name { get; } = name;

    /// <summary>Its camelCase name, the local that computes it.</summary>
    public string Local { get; } = local;

    /// <summary>What it computes, reading earlier tests by their locals.</summary>
    public string Expression { get; } = expression;

    /// <summary>Whether a rule reads it (else only later tests do, and it needs no field). Set while the plan is built.</summary>
    public bool IsRead { get; set; }
}

/// <summary>
/// The context tests an evaluator needs (which laws apply, which conditions hold, which waivers are claimed), each
/// declared once and only when some rule reads it, so the emitted code has no dead locals. Every answer is a
/// <see cref="Test"/>: a rule with no condition gets <see cref="Test.Always"/>, a waiver nobody claims
/// <see cref="Test.Never"/>, and only the rest name a declared test.
/// </summary>
internal sealed class ScopeTests
{
    private readonly PolicyModel _policy;
    private readonly PolicyIndex _index;
    private readonly string _prefix;
    private readonly ScopeNames _names = new();
    private readonly Dictionary<string, ScopeTest> _byExpression = new(System.StringComparer.Ordinal);
    private readonly Dictionary<(int Tier, uint When, uint Unless, int WaivedOn), Part> _applies = [];
    private readonly Dictionary<int, Part> _tiers = [];
    private readonly Dictionary<(uint When, uint Unless), Part> _restricts = [];
    private readonly List<ScopeTest> _declared = [];

    /// <param name="policy">The policy.</param>
    /// <param name="index">Its bounds and claims by dimension.</param>
    /// <param name="inStruct">Whether rules read the tests from a <c>Scope</c> struct named <c>scope</c> (else from locals).</param>
    public ScopeTests(PolicyModel policy, PolicyIndex index, bool inStruct)
    {
        _policy = policy;
        _index = index;
        _prefix = inStruct ? "scope." : string.Empty;
        InStruct = inStruct;
    }

    public bool InStruct { get; }

    /// <summary>Whether some test reads the matched jurisdiction.</summary>
    public bool UsesJurisdiction { get; private set; }

    /// <summary>Every test declared so far, in dependency order.</summary>
    public IReadOnlyList<ScopeTest> Declared => _declared;

    /// <summary>Whether a tier applies: a law in its jurisdictions (or where none matched); every other tier always.</summary>
    public Test Tier(int tier) => Read(TierPart(tier));

    /// <summary>Whether a restricting condition applies.</summary>
    public Test Restricts(uint when, uint unless) => Read(RestrictsPart(when, unless));

    /// <summary>Whether a delegated waiver by <paramref name="rank"/> of <paramref name="tier"/>'s bounds on a dimension holds.</summary>
    public Test Waived(int rank, int tier, int dimension) => Read(WaivedPart(rank, tier, dimension));

    /// <summary>Whether a bound applies: its law's jurisdiction, its condition and no organisation waiver.</summary>
    public Test Applies(BoundModel bound)
    {
        // What a bound's test reads: its tier, its condition, and the dimension only where an organisation may waive it.
        var key = (bound.Tier, bound.When, bound.Unless, bound.WaivableBy == Ranks.Organisation ? bound.Dimension : -1);
        if (!_applies.TryGetValue(key, out var part))
        {
            _applies[key] = part = AppliesPart(bound);
        }

        return Read(part);
    }

    /// <summary>Whether the user tier's claim waives a bound in this context.</summary>
    public Test UserWaived(BoundModel bound) =>
        bound.WaivableBy == Ranks.User ? Waived(Ranks.User, bound.Tier, bound.Dimension) : Test.Never;

    // A test while it is being composed: its outcome as locals read it, and the word it lends a composite's name.
    private readonly record struct Part(Test Local, Test Read, string Word, ScopeTest? Declared = null);

    private static Test Read(Part part)
    {
        if (part.Declared is { } declared)
        {
            declared.IsRead = true;
        }

        return part.Read;
    }

    // Thousands of bounds share a few tiers and conditions: each part is composed once, its name and text with it.
    private Part TierPart(int tier)
    {
        if (!_tiers.TryGetValue(tier, out var part))
        {
            _tiers[tier] = part = ComposeTierPart(tier);
        }

        return part;
    }

    private Part RestrictsPart(uint when, uint unless)
    {
        if (!_restricts.TryGetValue((when, unless), out var part))
        {
            _restricts[(when, unless)] = part = ComposeRestrictsPart(when, unless);
        }

        return part;
    }

    private Part ComposeTierPart(int tier)
    {
        var model = _policy.Tiers[tier];
        if (model.Rank != Ranks.Immutable)
        {
            return Constant(Test.Always);
        }

        // The law applies in its own jurisdiction, in every jurisdiction within it (EU law in DE), and where no
        // jurisdiction matched (every law applies).
        // PolicyShape.TierApplies answers it, as it does for HazardRows and at run time.
        var law = _index.JurisdictionOf(tier);
        var applies = Test.Comparison("jurisdiction < 0", "jurisdiction >= 0");
        for (var j = 0; j < _index.Shape.Jurisdictions.Length; j++)
        {
            if (_index.TierApplies(tier, j))
            {
                applies = applies.Or(Test.Comparison($"jurisdiction == {j}", $"jurisdiction != {j}"));
            }
        }

        UsesJurisdiction = true;
        var word = ScopeNames.Pascal(_index.Shape.Jurisdictions[law], "Jurisdiction") + "Law";
        return Declare(word + "Applies", word, applies);
    }

    private Part ComposeRestrictsPart(uint when, uint unless)
    {
        if (when == 0 && unless == 0)
        {
            return Constant(Test.Always);
        }

        var word = (when == 0 ? string.Empty : "When" + ScopeNames.Facts(when, "And")) + (unless == 0 ? string.Empty : "Unless" + ScopeNames.Facts(unless, "Or"));
        return Declare(word, word, Test.Name($"{RegistryEmitter.Condition(when, unless)}.Restricts(in context)"));
    }

    private Part WaivedPart(int rank, int tier, int dimension)
    {
        var claims = _index.ClaimsOn(dimension, tier).Where(w => _policy.Tiers[w.Claimant].Rank == rank);
        var holds = Test.Any(claims.Select(c => c.When == 0 ? Test.Always : Test.Name($"{RegistryEmitter.Condition(c.When, 0)}.Loosens(in context)")));
        var waived = _policy.Tiers[tier];
        var tierWord = ScopeNames.Pascal(waived.Name, "Tier") + (waived.Rank == Ranks.Immutable ? "Law" : string.Empty);
        var word = (rank == Ranks.User ? "User" : "Organisation") + "Waives" + tierWord + "On" + _policy.Dimensions[dimension].Name;
        return holds.IsExpression ? Declare(word, word, holds) : Constant(holds);
    }

    private Part AppliesPart(BoundModel bound)
    {
        var parts = new List<Part> { TierPart(bound.Tier), RestrictsPart(bound.When, bound.Unless) };
        if (bound.WaivableBy == Ranks.Organisation)
        {
            var waived = WaivedPart(Ranks.Organisation, bound.Tier, bound.Dimension);
            parts.Add(new Part(waived.Local.Not(), waived.Read.Not(), waived.Word.Length == 0 ? string.Empty : "NotWaived", waived.Declared));
        }

        var conditional = parts.Where(p => p.Local.IsExpression).ToList();
        if (conditional.Count <= 1 || parts.Any(p => p.Local.IsNever))
        {
            // Nothing to name: a constant, or one test already declared (or its negation).
            var local = Test.All(parts.Select(p => p.Local));
            var read = Test.All(parts.Select(p => p.Read));
            return new Part(local, read, string.Concat(conditional.Select(p => p.Word)), read.IsExpression ? conditional[0].Declared : null);
        }

        var name = string.Concat(conditional.Select(p => p.Word));
        return Declare(name, name, Test.All(conditional.Select(p => p.Local)));
    }

    private static Part Constant(Test value) => new(value, value, string.Empty);

    private Part Declare(string wanted, string word, Test expression)
    {
        // One test per distinct expression: rules that share a test share its name.
        var text = expression.ToString();
        if (!_byExpression.TryGetValue(text, out var declared))
        {
            var name = _names.Unique(wanted);
            // Computed with flags, not jumps (Test.Eager): which laws apply and which facts hold vary request by request.
            declared = new ScopeTest(name, ScopeNames.Camel(name), expression.Eager);
            _byExpression[text] = declared;
            _declared.Add(declared);
        }

        return new Part(Test.Name(declared.Local), Test.Name(InStruct ? _prefix + declared.Name : declared.Local), word, declared);
    }
}
