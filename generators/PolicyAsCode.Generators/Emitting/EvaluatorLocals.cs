using System.Collections.Generic;
using System.Linq;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Emitting;

/// <summary>
/// The context tests an evaluator needs (which laws apply, which conditions hold, which waivers are claimed),
/// each declared once as a local and only when some rule reads it, so the emitted code has no dead locals.
/// </summary>
internal sealed class EvaluatorLocals
{
    private readonly PolicyModel _policy;
    private readonly Dictionary<(int Rank, int Tier, int Dimension), string> _waived = [];
    private readonly Dictionary<int, string> _applies = [];
    private readonly List<string> _declarations = [];
    private readonly Dictionary<string, string> _names = [];
    private readonly List<string> _order = [];

    public EvaluatorLocals(PolicyModel policy)
    {
        _policy = policy;
        Index = new PolicyIndex(policy);
    }

    /// <summary>The policy's bounds, defaults and claims by dimension.</summary>
    public PolicyIndex Index { get; }

    /// <summary>Prepended to every name handed out: <c>"scope."</c> where the tests live in a struct, empty where they are locals.</summary>
    public string Prefix { get; init; } = string.Empty;

    public bool UsesJurisdiction { get; private set; }

    /// <summary>Every test declared so far, as <c>var name = expression;</c> statements in dependency order.</summary>
    public IReadOnlyList<string> Declarations => _declarations;

    /// <summary>The names of the tests declared so far, in declaration order.</summary>
    public IReadOnlyList<string> Names => _order;

    /// <summary>Whether a tier applies; empty for tiers that always do.</summary>
    public string Tier(int tier) => Prefixed(TierName(tier));

    /// <summary>Whether a restricting condition applies; empty for unconditional rules.</summary>
    public string Restricts(uint when, uint unless) => Prefixed(RestrictsName(when, unless));

    /// <summary>Whether a delegated waiver by <paramref name="rank"/> of <paramref name="tier"/>'s bounds on a dimension holds; empty when none is claimed.</summary>
    public string Waived(int rank, int tier, int dimension) => Prefixed(WaivedName(rank, tier, dimension));

    /// <summary>Whether a bound applies: its law's jurisdiction, its condition and no organisation waiver.</summary>
    public string Applies(BoundModel bound) => Prefixed(AppliesName(bound));

    /// <summary>Whether a bound is waived by the user tier's claim in this context; empty when it cannot be.</summary>
    public string UserWaived(BoundModel bound) =>
        bound.WaivableBy == Ranks.User ? Waived(Ranks.User, bound.Tier, bound.Dimension) : string.Empty;

    private string Prefixed(string name) => name.Length == 0 ? name : Prefix + name;

    private string TierName(int tier)
    {
        var model = _policy.Tiers[tier];
        if (model.Rank != Ranks.Immutable)
        {
            return string.Empty;
        }

        // The law applies in its own jurisdiction, in every jurisdiction within it (EU law in DE), and where no
        // jurisdiction matched (every law applies).
        var law = Index.JurisdictionOf(tier);
        var tests = new List<string> { "jurisdiction < 0" };
        for (var j = 0; j < Index.Shape.Jurisdictions.Length; j++)
        {
            if (Index.Shape.LawApplies(law, j))
            {
                tests.Add($"jurisdiction == {j}");
            }
        }

        UsesJurisdiction = true;
        return Declare($"j{law}", string.Join(" || ", tests));
    }

    private string RestrictsName(uint when, uint unless) =>
        when == 0 && unless == 0 ? string.Empty : Declare($"c{when:X}_{unless:X}", $"{RegistryEmitter.Condition(when, unless)}.Restricts(in context)");

    private string WaivedName(int rank, int tier, int dimension)
    {
        if (_waived.TryGetValue((rank, tier, dimension), out var known))
        {
            return known;
        }

        var claims = Index.ClaimsOn(dimension, tier).Where(w => _policy.Tiers[w.Claimant].Rank == rank).ToList();
        var name = claims.Count == 0
            ? string.Empty
            : Declare($"w{rank}_{tier}_{dimension}", string.Join(" || ", claims.Select(c => c.When == 0 ? "true" : $"{RegistryEmitter.Condition(c.When, 0)}.Loosens(in context)").Distinct()));
        _waived[(rank, tier, dimension)] = name;
        return name;
    }

    private string AppliesName(BoundModel bound)
    {
        // Asked for each bound by several emitters; the answer (and its declaration) is made once.
        if (!_applies.TryGetValue(bound.Index, out var name))
        {
            _applies[bound.Index] = name = MakeAppliesName(bound);
        }

        return name;
    }

    private string MakeAppliesName(BoundModel bound)
    {
        var parts = new List<string>();
        Add(parts, TierName(bound.Tier));
        Add(parts, RestrictsName(bound.When, bound.Unless));
        if (bound.WaivableBy == Ranks.Organisation)
        {
            var waived = WaivedName(Ranks.Organisation, bound.Tier, bound.Dimension);
            if (waived.Length > 0)
            {
                parts.Add("!" + waived);
            }
        }

        return parts.Count switch
        {
            0 => string.Empty,
            1 => parts[0],
            _ => Declare($"a{bound.Index}", string.Join(" && ", parts)),
        };
    }

    public void WriteDeclarations(SourceWriter writer, bool jurisdictionNeeded = false)
    {
        if (UsesJurisdiction || jurisdictionNeeded)
        {
            writer.Line("var jurisdiction = PolicyTables.MatchJurisdiction(context.Jurisdiction);");
        }

        foreach (var declaration in _declarations)
        {
            writer.Line(declaration);
        }
    }

    private string Declare(string name, string expression)
    {
        // One local per distinct test: rules that share a test share its local.
        if (_names.TryGetValue(expression, out var existing))
        {
            return existing;
        }

        _names[expression] = name;
        _declarations.Add($"var {name} = {expression};");
        _order.Add(name);
        return name;
    }

    private static void Add(List<string> parts, string part)
    {
        if (part.Length > 0)
        {
            parts.Add(part);
        }
    }
}
