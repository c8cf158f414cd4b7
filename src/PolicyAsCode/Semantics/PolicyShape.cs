using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace PolicyAsCode;

/// <summary>
/// What decides which bounds bind where, and nothing else: tiers with their ranks and jurisdictions, bounds with
/// their conditions and waivability, waiver claims, the values tiers fix, and the facts that never hold together.
/// The generator and analysers build one from the policy they read; the registry builds one from the data it was
/// compiled into. <see cref="Binding"/>, <see cref="ContextSpace"/> and <see cref="OverrideCheck"/> answer every
/// question about it, so build time and run time cannot answer differently.
/// </summary>
#if POLICYASCODE_GENERATOR
internal
#else
public
#endif
sealed class PolicyShape
{
    private readonly ImmutableArray<ShapeBound>[] _boundsOn;
    private readonly ImmutableArray<ShapeClaim>[] _claimsOn;
    private readonly ImmutableArray<ShapeLearningRule>[] _learningOn;
    private readonly Fact[] _factsOn;
    private readonly int[] _jurisdictionOfTier;
    private readonly JurisdictionMatch _jurisdictionMatch;
    private readonly bool[][] _lawsIn;
    private readonly ImmutableArray<int>[] _enclosing;
    private readonly bool[] _hasAbove;

    /// <summary>Creates a shape. Tiers are listed higher ranks first; bounds in canonical order.</summary>
    public PolicyShape(
        ImmutableArray<ShapeTier> tiers,
        ImmutableArray<ShapeDimension> dimensions,
        ImmutableArray<ShapeBound> bounds,
        ImmutableArray<ShapeClaim> claims,
        ImmutableArray<ShapeValue> values,
        ImmutableArray<Fact> neverTogether,
        ImmutableArray<ShapeLearningRule> learning = default)
    {
        Tiers = tiers.IsDefault ? [] : tiers;
        Dimensions = dimensions.IsDefault ? [] : dimensions;
        Bounds = bounds.IsDefault ? [] : bounds;
        Claims = claims.IsDefault ? [] : claims;
        Values = values.IsDefault ? [] : values;
        NeverTogether = neverTogether.IsDefault ? [] : neverTogether;
        Learning = learning.IsDefault ? [] : learning;

        Jurisdictions = DistinctJurisdictions(Tiers, out _jurisdictionOfTier);
        _jurisdictionMatch = new JurisdictionMatch(Jurisdictions);
        _enclosing = JurisdictionNesting.Enclosing(Tiers, _jurisdictionOfTier, Jurisdictions.Length);
        _lawsIn = JurisdictionNesting.LawsIn(_enclosing);
        _hasAbove = new bool[Tiers.Length];
        for (var t = 0; t < Tiers.Length; t++)
        {
            _hasAbove[t] = Tiers[t].Rank != TierRank.Immutable || _enclosing[_jurisdictionOfTier[t]].Length > 0;
        }

        var boundLists = Lists<ShapeBound>(Dimensions.Length);
        var claimLists = Lists<ShapeClaim>(Dimensions.Length);
        _factsOn = new Fact[Dimensions.Length];
        foreach (var bound in Bounds)
        {
            if ((uint)bound.Dimension < (uint)Dimensions.Length)
            {
                boundLists[bound.Dimension].Add(bound);
                _factsOn[bound.Dimension] |= bound.Condition.When | bound.Condition.Unless;
            }
        }

        foreach (var claim in Claims)
        {
            if ((uint)claim.Dimension < (uint)Dimensions.Length)
            {
                claimLists[claim.Dimension].Add(claim);
                _factsOn[claim.Dimension] |= claim.Condition.When | claim.Condition.Unless;
            }
        }

        var learningLists = Lists<ShapeLearningRule>(Dimensions.Length);
        foreach (var rule in Learning)
        {
            if ((uint)rule.Dimension < (uint)Dimensions.Length)
            {
                learningLists[rule.Dimension].Add(rule);
            }
        }

        _learningOn = new ImmutableArray<ShapeLearningRule>[Dimensions.Length];
        _boundsOn = new ImmutableArray<ShapeBound>[Dimensions.Length];
        _claimsOn = new ImmutableArray<ShapeClaim>[Dimensions.Length];
        for (var d = 0; d < Dimensions.Length; d++)
        {
            _boundsOn[d] = boundLists[d].ToImmutableArray();
            _claimsOn[d] = claimLists[d].ToImmutableArray();
            _learningOn[d] = learningLists[d].ToImmutableArray();
        }
    }

    /// <summary>Every tier, higher ranks first; the user tier is last.</summary>
    public ImmutableArray<ShapeTier> Tiers { get; }

    /// <summary>Every dimension, in the user tier's declaration order.</summary>
    public ImmutableArray<ShapeDimension> Dimensions { get; }

    /// <summary>Every bound, in canonical order.</summary>
    public ImmutableArray<ShapeBound> Bounds { get; }

    /// <summary>Every waiver claim.</summary>
    public ImmutableArray<ShapeClaim> Claims { get; }

    /// <summary>Every value a tier fixes: higher tiers' defaults and the user tier's initialisers.</summary>
    public ImmutableArray<ShapeValue> Values { get; }

    /// <summary>Sets of facts that never all hold together (<c>[assembly: NeverTogether(...)]</c>).</summary>
    public ImmutableArray<Fact> NeverTogether { get; }

    /// <summary>Every <c>[NotLearnable]</c> and <c>[LearnWithin]</c> rule, by tier (<see cref="LearningScope"/> reads them).</summary>
    public ImmutableArray<ShapeLearningRule> Learning { get; }

    /// <summary>The distinct jurisdictions of the immutable tiers (compared ignoring case), in tier order.</summary>
    public ImmutableArray<string> Jurisdictions { get; }

    /// <summary>
    /// The jurisdiction indexes a policy is deployed in and checked for: each of <see cref="Jurisdictions"/>, or -1
    /// alone when the policy has no law. (A request naming no known jurisdiction applies every law at once; that is
    /// failing closed, not a deployment, and laws may well disagree there.)
    /// </summary>
    public IEnumerable<int> DeployedJurisdictions()
    {
        if (Jurisdictions.Length == 0)
        {
            yield return -1;
        }

        for (var j = 0; j < Jurisdictions.Length; j++)
        {
            yield return j;
        }
    }

    /// <summary>The bounds on a dimension, in canonical order.</summary>
    public ImmutableArray<ShapeBound> BoundsOn(int dimension) => _boundsOn[dimension];

    /// <summary>The learning rules on a dimension, by tier.</summary>
    public ImmutableArray<ShapeLearningRule> LearningOn(int dimension) => _learningOn[dimension];

    /// <summary>The waiver claims on a dimension.</summary>
    public ImmutableArray<ShapeClaim> ClaimsOn(int dimension) => _claimsOn[dimension];

    /// <summary>Every fact a bound or waiver claim on the dimension is conditional on.</summary>
    public Fact FactsOn(int dimension) => _factsOn[dimension];

    /// <summary>The jurisdiction index of an immutable tier; -1 for other tiers.</summary>
    public int JurisdictionOf(int tier) => _jurisdictionOfTier[tier];

    /// <summary>The index of the jurisdiction a request names (ignoring case), or -1 when it names none of this policy's.</summary>
    public int MatchJurisdiction(string? jurisdiction) =>
        jurisdiction is null ? -1 : _jurisdictionMatch.IndexOf(jurisdiction);

    /// <summary>
    /// Whether a tier applies under a matched jurisdiction: every organisation and user tier does; an immutable tier
    /// does when it is that jurisdiction's or one the jurisdiction is within (EU law applies in DE), or when none
    /// matched (then every law applies).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)] // into the override check's optimised loops
    public bool TierApplies(int tier, int jurisdiction) =>
        jurisdiction < 0 || Tiers[tier].Rank != TierRank.Immutable || _lawsIn[jurisdiction][_jurisdictionOfTier[tier]];

    /// <summary>Whether the law of jurisdiction <paramref name="law"/> applies to a request in <paramref name="jurisdiction"/>: it is that jurisdiction or one it is within.</summary>
    public bool LawApplies(int law, int jurisdiction) => _lawsIn[jurisdiction][law];

    /// <summary>
    /// The jurisdictions a jurisdiction is within, nearest first (DE-BY: DE, then EU); empty for a jurisdiction within
    /// none, and for -1.
    /// </summary>
    public ImmutableArray<int> Enclosing(int jurisdiction) => jurisdiction < 0 ? [] : _enclosing[jurisdiction];

    /// <summary>The names of the jurisdictions a jurisdiction is within, nearest first; empty for -1.</summary>
    public ImmutableArray<string> EnclosingNames(int jurisdiction)
    {
        var enclosing = Enclosing(jurisdiction);
        var names = ImmutableArray.CreateBuilder<string>(enclosing.Length);
        foreach (var outer in enclosing)
        {
            names.Add(Jurisdictions[outer]);
        }

        return names.MoveToImmutable();
    }

    /// <summary>
    /// Whether tier <paramref name="higher"/> binds tier <paramref name="lower"/>: it has a higher rank, or both are
    /// law and <paramref name="higher"/>'s jurisdiction is one <paramref name="lower"/>'s is within (EU law binds DE
    /// law). Laws of unrelated jurisdictions (EU and US) do not bind each other.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)] // into the override check's optimised loops
    public bool IsAbove(int higher, int lower)
    {
        var higherRank = Tiers[higher].Rank;
        var lowerRank = Tiers[lower].Rank;
        if (higherRank != lowerRank || lowerRank != TierRank.Immutable)
        {
            return higherRank < lowerRank;
        }

        var outer = _jurisdictionOfTier[higher];
        var inner = _jurisdictionOfTier[lower];
        return outer != inner && _lawsIn[inner][outer];
    }

    /// <summary>Whether any tier binds <paramref name="tier"/>: true for every tier but a law within no other.</summary>
    public bool HasAbove(int tier) => _hasAbove[tier];

    /// <summary>
    /// A number shared by tiers that exactly the same tiers bind: the rank for organisation and user tiers, one per
    /// jurisdiction for laws. Below <see cref="LevelCount"/>.
    /// </summary>
    public int Level(int tier) => Tiers[tier].Rank == TierRank.Immutable ? 4 + _jurisdictionOfTier[tier] : (int)Tiers[tier].Rank & 3;

    /// <summary>One more than the largest <see cref="Level"/>.</summary>
    public int LevelCount => 4 + Jurisdictions.Length;

    /// <summary>The jurisdiction's name, or null for -1.</summary>
    public string? JurisdictionName(int jurisdiction) => jurisdiction < 0 ? null : Jurisdictions[jurisdiction];

    /// <summary>This shape with the bound at canonical index <paramref name="index"/> changed to <paramref name="replacement"/>, or removed when null.</summary>
    public PolicyShape WithBound(int index, Bound? replacement)
    {
        var bounds = ImmutableArray.CreateBuilder<ShapeBound>(Bounds.Length);
        foreach (var bound in Bounds)
        {
            if (bound.Index != index)
            {
                bounds.Add(bound);
            }
            else if (replacement is { } changed)
            {
                bounds.Add(bound with { Bound = changed });
            }
        }

        return new PolicyShape(Tiers, Dimensions, bounds.ToImmutable(), Claims, Values, NeverTogether, Learning);
    }

    /// <summary>
    /// The distinct jurisdictions of the immutable tiers among <paramref name="tiers"/>, compared ignoring case, in
    /// tier order; <paramref name="jurisdictionOfTier"/> gives each tier's index among them (-1 for other ranks).
    /// </summary>
    public static ImmutableArray<string> DistinctJurisdictions(IReadOnlyList<ShapeTier> tiers, out int[] jurisdictionOfTier)
    {
        var jurisdictions = ImmutableArray.CreateBuilder<string>();
        jurisdictionOfTier = new int[tiers.Count];
        for (var t = 0; t < tiers.Count; t++)
        {
            jurisdictionOfTier[t] = -1;
            if (tiers[t].Rank != TierRank.Immutable)
            {
                continue;
            }

            var index = IndexIgnoringCase(jurisdictions, tiers[t].Name);
            if (index < 0)
            {
                index = jurisdictions.Count;
                jurisdictions.Add(tiers[t].Name);
            }

            jurisdictionOfTier[t] = index;
        }

        return jurisdictions.ToImmutable();
    }

    // Generic so that the ImmutableArray every request is matched against is read in place, not boxed per call.
    internal static int IndexIgnoringCase<TList>(TList list, string value)
        where TList : IReadOnlyList<string>
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static List<T>[] Lists<T>(int count)
    {
        var lists = new List<T>[count];
        for (var i = 0; i < count; i++)
        {
            lists[i] = [];
        }

        return lists;
    }
}
