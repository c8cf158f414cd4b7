using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.Json.Nodes;
using PolicyAsCode.Json;

namespace PolicyAsCode.Documents;

/// <summary>
/// What a user may choose on each dimension of a policy in one context, and why each value that exists but is not
/// offered is excluded: the one model behind the JSON Schema (<see cref="PreferencesSchema"/>), settings pages and the
/// explanation document (<see cref="Explain(ReadOnlySpan{DimensionValue}, DimensionSet, ReadOnlySpan{DimensionValue}, IReadOnlyList{Adjustment})"/>).
/// </summary>
/// <remarks>
/// A value is offered exactly when <see cref="PolicyInterpreter.Allowed"/> contains it. For each value that is not,
/// the reference interpreter resolves a request holding it (every other dimension at its default) in the same
/// context, and the adjustment it makes is the <see cref="Exclusion"/>: the tier, bound, reason and explanation a
/// settings page shows are by construction what resolution tells a user who asks for the value anyway. Unknown facts
/// make conditional bounds apply, as in resolution.
/// </remarks>
public sealed class PreferenceChoices
{
    private PreferenceChoices(PolicyRegistry registry, PolicyContext context, string? jurisdiction, string where, ImmutableArray<DimensionChoices> dimensions)
    {
        Registry = registry;
        Context = context;
        Jurisdiction = jurisdiction;
        Where = where;
        Dimensions = dimensions;
    }

    /// <summary>The policy.</summary>
    public PolicyRegistry Registry { get; }

    /// <summary>The context the choices hold in.</summary>
    public PolicyContext Context { get; }

    /// <summary>The policy's jurisdiction the context matched (as the policy spells it), or null when none matched and every law applies.</summary>
    public string? Jurisdiction { get; }

    /// <summary>Where the choices hold, in words: "EU", "DE within EU", or "any jurisdiction (every law applies)".</summary>
    public string Where { get; }

    /// <summary>What the context establishes, in words: "Minor holds; every other fact unknown".</summary>
    public string ContextText => PolicyWording.Context(Context);

    /// <summary>The choices of each dimension, in dimension order.</summary>
    public ImmutableArray<DimensionChoices> Dimensions { get; }

    /// <summary>What a user may choose in <paramref name="context"/>, and why anything else is excluded.</summary>
    /// <param name="registry">The policy.</param>
    /// <param name="context">The jurisdiction and the facts known; unknown facts make conditional bounds apply.</param>
    /// <returns>The choices of every dimension.</returns>
    /// <exception cref="InvalidOperationException">
    /// The interpreter grants a value that <see cref="PolicyInterpreter.Allowed"/> excludes, or the reverse: the policy's
    /// semantics disagree with themselves, and no choice is offered rather than a wrong one.
    /// </exception>
    public static PreferenceChoices Create(PolicyRegistry registry, in PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var interpreter = new PolicyInterpreter(registry);
        var requestedDefaults = interpreter.Defaults(context);
        var resolvedDefaults = interpreter.Resolve(requestedDefaults, context);
        var defaults = resolvedDefaults.Effective;
        var jurisdiction = registry.MatchJurisdiction(context.Jurisdiction);
        var where = jurisdiction >= 0 ? Wording.Jurisdiction(registry.Shape, jurisdiction) : "any jurisdiction (every law applies)";

        var probe = new ExclusionProbe(interpreter, context, requestedDefaults);
        var dimensions = ImmutableArray.CreateBuilder<DimensionChoices>(registry.Dimensions.Length);
        foreach (var dimension in registry.Dimensions)
        {
            var allowed = interpreter.Allowed(dimension.Index, context);
            var @default = defaults[dimension.Index];
            var range = Lattice.IsInterval(dimension.Kind) ? Range(probe, dimension, allowed) : null;
            dimensions.Add(new DimensionChoices(
                dimension,
                PreferenceNames.JsonName(dimension.Name),
                PreferenceNames.Title(dimension.Name),
                dimension.Description ?? dimension.Name,
                DimensionChoices.KindName(dimension.Kind),
                @default,
                AdjustmentOf(resolvedDefaults.Adjustments, dimension.Index),
                allowed,
                range is null ? Options(probe, dimension, allowed, @default, OfferedFlags.Of(registry, dimension)) : [],
                range,
                [.. PolicyWording.BoundedBy(registry, dimension, jurisdiction, context)],
                CardLinks.Of(registry, dimension.Enables),
                CardLinks.Of(registry, dimension.Mitigates)));
        }

        return new PreferenceChoices(registry, context, jurisdiction >= 0 ? registry.Jurisdictions[jurisdiction] : null, where, dimensions.MoveToImmutable());
    }

    /// <summary>
    /// The explanation document for a user who asked for nothing: every dimension's choices, its default as both
    /// <c>default</c> and <c>effective</c>, <c>requested</c> null, and the adjustment resolving the defaults made, if any.
    /// </summary>
    /// <returns>A new JSON object (docs/preference-choices.md).</returns>
    public JsonObject ToJson()
    {
        var effective = new DimensionValue[Dimensions.Length];
        var adjustments = new List<Adjustment>();
        foreach (var choices in Dimensions)
        {
            effective[choices.Dimension.Index] = choices.Default;
            if (choices.DefaultAdjustment is { } adjustment)
            {
                adjustments.Add(adjustment);
            }
        }

        return Explain([], DimensionSet.Empty, effective, adjustments);
    }

    /// <summary><see cref="ToJson"/> as indented JSON text ending in a newline, the same on every machine.</summary>
    /// <returns>The document's text.</returns>
    public string ToText() => DocumentJson.Write(ToJson());

    /// <summary>
    /// The explanation document for a user's resolution in this context: every dimension's choices with what the
    /// user asked for, what they were granted, and why it differs.
    /// </summary>
    /// <typeparam name="TPreferences">The user-tier record.</typeparam>
    /// <param name="requested">What the user asked for (their stored preferences, read), or null when they asked for nothing.</param>
    /// <param name="unreadable">The dimensions the user's document held unreadably (<see cref="PreferencesReadResult{T}.Unreadable"/>); their <c>requested</c> is null.</param>
    /// <param name="resolution">The resolution of <paramref name="requested"/> (or of the defaults) in this context.</param>
    /// <returns>A new JSON object (docs/preference-choices.md).</returns>
    /// <exception cref="ArgumentException">The resolution is not resolved, or not of this policy.</exception>
    public JsonObject Explain<TPreferences>(TPreferences? requested, DimensionSet unreadable, in Resolution<TPreferences> resolution)
        where TPreferences : class, IUserTierPolicy<TPreferences>
    {
        if (!resolution.IsResolved)
        {
            throw new ArgumentException("An unresolved resolution has no effective values to explain.", nameof(resolution));
        }

        var asked = requested is null ? [] : TPreferences.Encode(requested);
        return Explain(asked, unreadable, TPreferences.Encode(resolution.Effective), resolution.Adjustments);
    }

    /// <summary>
    /// The explanation document for encoded values (in dimension order): every dimension's choices with what the
    /// user asked for, what they were granted, and the adjustment's explanation.
    /// </summary>
    /// <param name="requested">What the user asked for, one value per dimension; empty when they asked for nothing (every <c>requested</c> is null).</param>
    /// <param name="unreadable">Dimensions whose request could not be read; their <c>requested</c> is null.</param>
    /// <param name="effective">What resolution granted, one value per dimension.</param>
    /// <param name="adjustments">The resolution's adjustments.</param>
    /// <returns>A new JSON object (docs/preference-choices.md).</returns>
    /// <exception cref="ArgumentException">
    /// A span does not hold one value per dimension, an effective value is outside its dimension's domain, or an
    /// adjustment names a dimension this policy does not have.
    /// </exception>
    public JsonObject Explain(ReadOnlySpan<DimensionValue> requested, DimensionSet unreadable, ReadOnlySpan<DimensionValue> effective, IReadOnlyList<Adjustment> adjustments)
    {
        ArgumentNullException.ThrowIfNull(adjustments);
        var count = Dimensions.Length;
        if (!requested.IsEmpty && requested.Length != count)
        {
            throw new ArgumentException($"{Registry.Name} has {count} dimensions; {requested.Length} requested values were given.", nameof(requested));
        }

        if (effective.Length != count)
        {
            throw new ArgumentException($"{Registry.Name} has {count} dimensions; {effective.Length} effective values were given.", nameof(effective));
        }

        var byDimension = new Adjustment?[count];
        foreach (var adjustment in adjustments)
        {
            var index = adjustment.Dimension.Index;
            if (index < 0 || index >= count || Dimensions[index].Dimension.Name != adjustment.Dimension.Name)
            {
                throw new ArgumentException($"An adjustment of {adjustment.Dimension.Name} is not of {Registry.Name}'s dimensions.", nameof(adjustments));
            }

            byDimension[index] ??= adjustment;
        }

        return PreferenceChoicesJson.Document(this, requested, unreadable, effective, byDimension);
    }

    private static Adjustment? AdjustmentOf(IReadOnlyList<Adjustment> adjustments, int dimension)
    {
        foreach (var adjustment in adjustments)
        {
            if (adjustment.Dimension.Index == dimension)
            {
                return adjustment;
            }
        }

        return null;
    }

    private static ImmutableArray<ChoiceOption> Options(ExclusionProbe probe, DimensionInfo dimension, Bound allowed, DimensionValue @default, ulong offered)
    {
        var options = ImmutableArray.CreateBuilder<ChoiceOption>();
        for (var m = 0; m < dimension.Members.Length; m++)
        {
            if (dimension.Kind == DimensionKind.Set)
            {
                // A flag not offered (a custom hazard the policy never names) is no option at all, allowed or not.
                var flag = unchecked((ulong)dimension.MemberValues[m]);
                if (flag == 0 || (flag & ~offered) != 0)
                {
                    continue;
                }

                // A flag is asked for as the default plus that flag: what ticking it on a settings page requests.
                var asked = DimensionValue.OfMask(@default.Bits | flag);
                var required = (allowed.Floor & flag) == flag;
                options.Add(Option(probe, dimension, allowed, asked, DimensionValue.OfMask(flag), dimension.Members[m], required));
            }
            else
            {
                var value = DimensionValue.OfPosition(m);
                options.Add(Option(probe, dimension, allowed, value, value, dimension.Members[m], required: false));
            }
        }

        return options.ToImmutable();
    }

    private static ChoiceOption Option(ExclusionProbe probe, DimensionInfo dimension, Bound allowed, DimensionValue asked, DimensionValue value, string label, bool required)
    {
        var isAllowed = Lattice.Contains(allowed, asked);
        return new ChoiceOption(value, label, isAllowed, isAllowed ? null : probe.Exclude(dimension, asked), required);
    }

    private static ChoiceRange Range(ExclusionProbe probe, DimensionInfo dimension, Bound allowed)
    {
        Exclusion? below = null;
        Exclusion? above = null;
        if (allowed.Lo > dimension.Domain.Lo)
        {
            below = Outside(probe, dimension, allowed.Lo, -1);
        }

        if (allowed.Hi < dimension.Domain.Hi)
        {
            above = Outside(probe, dimension, allowed.Hi, +1);
        }

        return new ChoiceRange(allowed.Lo, allowed.Hi, dimension.Domain.Lo, dimension.Domain.Hi, below, above);
    }

    // The exclusion of the number just beyond an end of the range: one more or less for an int. For a double the
    // next double is exact but reads badly ("asked 0.8000000000000002"), so a rounder number 1, 0.1 or 0.01 beyond
    // is asked instead when resolution cites the very same bound for it as for the next double.
    private static Exclusion Outside(ExclusionProbe probe, DimensionInfo dimension, double end, int direction)
    {
        if (dimension.Kind == DimensionKind.Integer)
        {
            return probe.Exclude(dimension, DimensionValue.OfNumber(end + direction));
        }

        var next = probe.Exclude(dimension, DimensionValue.OfNumber(direction < 0 ? Math.BitDecrement(end) : Math.BitIncrement(end)));
        foreach (var step in (ReadOnlySpan<double>)[1, 0.1, 0.01])
        {
            var rounder = end + (direction * step);
            if (rounder != end && double.IsFinite(rounder) && dimension.InDomain(DimensionValue.OfNumber(rounder)))
            {
                var candidate = probe.Exclude(dimension, DimensionValue.OfNumber(rounder));
                if (candidate.Rule == next.Rule && candidate.Tier == next.Tier && candidate.Adjustment.Cause == next.Adjustment.Cause
                    && candidate.Adjustment.Granted == next.Adjustment.Granted)
                {
                    return candidate;
                }
            }
        }

        return next;
    }
}
