using System;
using System.Linq;
using PolicyAsCode.Compiled;

namespace PolicyAsCode;

/// <summary>
/// The reference interpreter: evaluates a <see cref="PolicyRegistry"/> with exactly the semantics the generated
/// evaluators compile (see docs/semantics.md). It is the oracle of the differential tests and the engine of
/// runtime overlays. It favours plainness over speed.
/// </summary>
public sealed class PolicyInterpreter
{
    private readonly PolicyShape _shape;
    private readonly OwnList[] _ownLists;
    private readonly Refusal[] _refusals;
    private readonly Hazard _knownHazards;

    /// <summary>Creates an interpreter of <paramref name="registry"/>.</summary>
    public PolicyInterpreter(PolicyRegistry registry)
    {
        Registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _shape = registry.Shape;
        Encoding = new EncodedValues(registry);
        _refusals = [.. registry.Forbids.Select(rule => new Refusal(rule.Dimension is not null, rule.Hazards, rule, registry.Tiers[rule.Tier]))];
        _knownHazards = registry.KnownHazards;
        _ownLists = [.. registry.Forbids.Where(rule => rule.Dimension is not null).Select(rule => new OwnList(rule.Dimension!.Value, rule.Hazards, 1UL << rule.Index))];
    }

    /// <summary>The policy interpreted.</summary>
    public PolicyRegistry Registry { get; }

    /// <summary>What this interpreter's resolutions explain themselves with: its registry, over values already encoded.</summary>
    public IPolicyEncoding<DimensionValue[]> Encoding { get; }

    /// <summary>The values a user starts from in <paramref name="context"/>.</summary>
    public DimensionValue[] Defaults(in PolicyContext context)
    {
        var jurisdiction = Registry.MatchJurisdiction(context.Jurisdiction);
        var values = new DimensionValue[Registry.Dimensions.Length];
        foreach (var dimension in Registry.Dimensions)
        {
            values[dimension.Index] = dimension.Default;
            if (dimension.HasInitialiser)
            {
                continue;
            }

            // The nearest tier's default wins: tiers are listed highest first, so search from the end.
            for (var i = Registry.Defaults.Length - 1; i >= 0; i--)
            {
                var tierDefault = Registry.Defaults[i];
                if (tierDefault.Dimension == dimension.Index && Registry.TierApplies(tierDefault.Tier, jurisdiction))
                {
                    values[dimension.Index] = tierDefault.Value;
                    break;
                }
            }
        }

        return values;
    }

    /// <summary>
    /// Resolves encoded requested values (in dimension order) in a context. The resolution keeps a copy of them, from
    /// which it explains its adjustments when asked.
    /// </summary>
    public Resolution<DimensionValue[]> Resolve(ReadOnlySpan<DimensionValue> requested, in PolicyContext context, DimensionSet unreadable = default)
    {
        var jurisdiction = Registry.MatchJurisdiction(context.Jurisdiction);
        var effective = new DimensionValue[Registry.Dimensions.Length];
        var adjusted = default(AdjustmentRecorder);

        foreach (var dimension in Registry.Dimensions)
        {
            var d = dimension.Index;
            var value = d < requested.Length ? requested[d] : dimension.Default;
            var readable = d < requested.Length && !unreadable.Contains(d) && dimension.InDomain(value);
            if (ResolveDimension(dimension, Binding.Narrow(_shape, d, jurisdiction, context), value, readable, out effective[d]) is { } cause)
            {
                adjusted.Record(d, cause);
            }
        }

        var forbidden = TierForbids(jurisdiction, context, out var active);
        OwnForbids(effective, ref forbidden, ref active);
        return new Resolution<DimensionValue[]>(Encoding, requested.ToArray(), context, effective, adjusted.ToAdjustedDimensions(), forbidden, active, jurisdiction);
    }

    // The hazards the tiers' rules refuse in a jurisdiction and context, and which rules those are (bit i: rule i).
    internal Hazard TierForbids(int jurisdiction, in PolicyContext context, out ulong active)
    {
        var forbidden = Hazard.None;
        active = 0UL;
        foreach (var rule in Registry.Forbids)
        {
            if (rule.Dimension is null && Registry.TierApplies(rule.Tier, jurisdiction) && rule.Condition.Restricts(context))
            {
                forbidden |= rule.Hazards;
                active |= 1UL << rule.Index;
            }
        }

        return forbidden;
    }

    // Adds what the user's own hazard lists refuse, read from the effective values: a rule is active when its list
    // names some hazard. It reads no context, so it is the one part of the refusals that follows the request.
    internal void OwnForbids(ReadOnlySpan<DimensionValue> effective, ref Hazard forbidden, ref ulong active)
    {
        foreach (var list in _ownLists)
        {
            var listed = (Hazard)effective[list.Dimension].Bits & list.Hazards;
            if (listed != Hazard.None)
            {
                forbidden |= listed;
                active |= list.Rule;
            }
        }
    }

    /// <summary>Decides on content showing <paramref name="detected"/> hazards.</summary>
    public Decision Decide(in Resolution<DimensionValue[]> resolution, Hazard detected) => Decide<DimensionValue[]>(in resolution, detected);

    // A decision reads only whether the resolution was made, its forbidden hazards and its active rules, so it decides
    // a resolution of any form: the encoded values, or the record an overlaid snapshot resolved.
    internal Decision Decide<TPreferences>(in Resolution<TPreferences> resolution, Hazard detected)
        where TPreferences : class =>
        DecideOn(resolution.IsResolved, resolution.Forbidden, resolution.ActiveForbids, detected);

    // The rule itself, on what a decision reads; not generic, so shared generic code calls it without a lookup.
    internal Decision DecideOn(bool resolved, Hazard forbidden, ulong activeForbids, Hazard detected)
    {
        if (!resolved)
        {
            return Decision.RefuseUnresolved(detected);
        }

        var unknown = detected & ~_knownHazards;
        if (unknown != Hazard.None)
        {
            return Decision.RefuseUnknown(unknown);
        }

        if ((detected & forbidden) == Hazard.None)
        {
            return Decision.Allow;
        }

        // The first active rule, in rule order, that the content breaks (bit i of the active rules is rule i).
        var refusals = _refusals;
        for (var active = activeForbids; active != 0UL; active &= active - 1)
        {
            var index = System.Numerics.BitOperations.TrailingZeroCount(active);
            if (index >= refusals.Length)
            {
                break;
            }

            var refusal = refusals[index];
            var hit = detected & (refusal.OwnList ? forbidden : refusal.Hazards);
            if (hit != Hazard.None)
            {
                return Decision.Refuse(refusal.Rule, refusal.Tier, hit);
            }
        }

        // Unreachable when the resolution came from this registry; refusing keeps it closed if it did not.
        return Decision.RefuseUnresolved(detected);
    }

    /// <summary>
    /// The values of <paramref name="dimension"/> a request may hold in <paramref name="context"/> and be granted as
    /// asked: the meet of the bounds that apply, less those the user tier may waive there. When applicable bounds
    /// contradict each other, only the strictest value of their meet is allowed (it is what resolution grants).
    /// Schemas, policy cards and diffs describe a policy through this one function.
    /// </summary>
    public Bound Allowed(int dimension, in PolicyContext context) =>
        Binding.Allowed(_shape, dimension, Registry.MatchJurisdiction(context.Jurisdiction), context);

    // One dimension, given what its applicable bounds leave in this context (Binding.Narrow): the cause of its
    // adjustment, or null when it is granted as asked; which bound it cites is asked of Citation only when the
    // resolution is explained. An overlaid snapshot keeps the narrowing per context and resolves through here, so it
    // cannot answer otherwise than the interpreter.
    internal static AdjustmentCause? ResolveDimension(
        DimensionInfo dimension, in DimensionNarrowing narrowing, DimensionValue value, bool readable, out DimensionValue granted)
    {
        // Read in place rather than deconstructed: the narrowing holds two bounds, and this runs per moved value.
        if (narrowing.Conflict >= 0 || !readable)
        {
            granted = Lattice.Strictest(narrowing.Strict, dimension.HigherIsStricter);
            return narrowing.Conflict >= 0 ? AdjustmentCause.Contradiction : AdjustmentCause.FailedClosed;
        }

        if (Lattice.Contains(narrowing.Strict, value))
        {
            granted = value;
            return null;
        }

        // A user who holds a waiver is bound only by the bounds they did not waive: a request inside those is
        // granted as asked; one beyond them is clamped into them.
        var waiving = narrowing.AnyWaived && Lattice.Contains(narrowing.Relaxed, value);
        granted = waiving ? value : Lattice.Clamp(narrowing.AnyWaived ? narrowing.Relaxed : narrowing.Strict, value, dimension.HigherIsStricter);
        return waiving ? AdjustmentCause.Waived : AdjustmentCause.Clamped;
    }

    // A hazard rule as a refusal reads it, with its tier: kept flat, as it is read per refused request. A rule on a
    // user's own list refuses whatever the resolution forbids; any other, its own hazards.
    private readonly record struct Refusal(bool OwnList, Hazard Hazards, ForbidRule Rule, TierInfo Tier);

    // A hazard rule that refuses what the user's own list on a dimension names: kept flat, as it is read per request.
    private readonly record struct OwnList(int Dimension, Hazard Hazards, ulong Rule);

    // The interpreter's values are already encoded; the registry explains them.
    private sealed class EncodedValues(PolicyRegistry registry) : IPolicyEncoding<DimensionValue[]>
    {
        public PolicyRegistry Registry { get; } = registry;

        public DimensionValue[] Encode(DimensionValue[] preferences) => preferences;
    }
}
