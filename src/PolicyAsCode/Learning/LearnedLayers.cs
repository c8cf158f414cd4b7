using System;
using System.Collections.Generic;
using System.Text.Json;
using PolicyAsCode.Json;

namespace PolicyAsCode.Learning;

/// <summary>
/// The one place the layers of tier 3 are applied: what the user set explicitly, then what was learned from their
/// feedback, then the defaults. A learned value is used only where <see cref="LearningScope"/> lets its dimension be
/// learned in the context, and only at a value learning may reach there (the <c>[LearnWithin]</c> ranges met with the
/// bounds in force); the caller then resolves <see cref="LearnedRequest{T}.Requested"/> as any request.
/// </summary>
public static class LearnedLayers
{
    /// <summary>
    /// Layers <paramref name="learned"/> over <paramref name="explicitOrDefault"/> (the user's stored preferences, read
    /// with their defaults): dimensions in <paramref name="explicitDimensions"/> keep the user's value.
    /// </summary>
    /// <param name="registry">The policy in force (a snapshot's, so overlays count).</param>
    /// <param name="explicitOrDefault">The user's explicit choices, defaults elsewhere.</param>
    /// <param name="explicitDimensions">The dimensions the user set explicitly (<see cref="ExplicitDimensions"/>).</param>
    /// <param name="learned">What a learner proposes.</param>
    /// <param name="context">The request's context: its jurisdiction and facts decide where learning may go.</param>
    public static LearnedRequest<T> Compose<T>(PolicyRegistry registry, T explicitOrDefault, DimensionSet explicitDimensions, LearnedPreferences learned, in PolicyContext context)
        where T : class, IUserTierPolicy<T>
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(explicitOrDefault);
        ArgumentNullException.ThrowIfNull(learned);
        var values = T.Encode(explicitOrDefault);
        var (applied, ignored) = Layer(registry, values, explicitDimensions, learned, context);
        return new LearnedRequest<T>(applied.Count == 0 ? explicitOrDefault : T.Decode(values), applied, ignored);
    }

    /// <summary>
    /// <see cref="Compose"/> on encoded values (in dimension order), for code that holds no generated type (the
    /// interpreter, tools): <paramref name="values"/> is changed in place to the request to resolve.
    /// </summary>
    public static (IReadOnlyList<LearnedChange> Applied, IReadOnlyList<IgnoredChange> Ignored) Layer(
        PolicyRegistry registry, Span<DimensionValue> values, DimensionSet explicitDimensions, LearnedPreferences learned, in PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(learned);
        var applied = new List<LearnedChange>();
        var ignored = new List<IgnoredChange>();
        var shape = registry.Shape;
        var jurisdiction = registry.MatchJurisdiction(context.Jurisdiction);
        var seen = DimensionSet.Empty;
        foreach (var change in learned.Changes)
        {
            var d = change.Dimension;
            if ((uint)d >= (uint)registry.Dimensions.Length || (uint)d >= (uint)values.Length || registry.Dimensions[d].Name != change.DimensionName)
            {
                ignored.Add(new IgnoredChange(change, $"the policy in force has no dimension {change.DimensionName} there"));
                continue;
            }

            var dimension = registry.Dimensions[d];
            if (seen.Contains(d))
            {
                ignored.Add(new IgnoredChange(change, $"{dimension.Name} was already learned; one learned value per dimension"));
                continue;
            }

            seen = seen.With(d);
            if (explicitDimensions.Contains(d))
            {
                ignored.Add(new IgnoredChange(change, $"you chose {dimension.Name} yourself; what is learned never overrides your choice"));
                continue;
            }

            var scope = LearningScope.Of(shape, d, jurisdiction);
            if (!scope.IsLearnable)
            {
                ignored.Add(new IgnoredChange(change, NotLearnable(registry, dimension, scope)));
                continue;
            }

            var reach = LearningScope.Reach(shape, d, jurisdiction, context);
            if (Lattice.IsEmpty(reach) || !dimension.InDomain(change.To))
            {
                ignored.Add(new IgnoredChange(change, $"no value of {dimension.Name} that learning may reach is allowed here"));
                continue;
            }

            var used = Lattice.Clamp(reach, change.To, dimension.HigherIsStricter);
            if (used != change.To && used == values[d])
            {
                // Held exactly where it already was: nothing learned is used, and saying "learned" would mislead.
                ignored.Add(new IgnoredChange(change, $"the policy lets learning take {dimension.Name} no further than {dimension.Format(used)} here"));
                continue;
            }

            values[d] = used;
            applied.Add(used == change.To
                ? change
                : change with { To = used, Reason = change.Reason + $" (held at {dimension.Format(used)}: the furthest the policy lets learning take {dimension.Name} here)" });
        }

        return (applied, ignored);
    }

    /// <summary>
    /// The dimensions a stored preferences document sets explicitly: present in it and readable. A document that is not
    /// a JSON object sets none (its values are unreadable, and resolution fails them closed).
    /// </summary>
    public static DimensionSet ExplicitDimensions(PolicyRegistry registry, ReadOnlySpan<byte> storedJson)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var read = PreferencesJson.Read(registry, storedJson, PolicyContext.In(null));
        var present = DimensionSet.Empty;
        if (storedJson.StartsWith("\uFEFF"u8))
        {
            // The preferences readers skip one byte-order mark; so does this.
            storedJson = storedJson[3..];
        }

        try
        {
            var reader = new Utf8JsonReader(storedJson, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return DimensionSet.Empty;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                foreach (var dimension in registry.Dimensions)
                {
                    if (name == PreferenceNames.JsonName(dimension.Name) && !read.Unreadable.Contains(dimension.Index))
                    {
                        present = present.With(dimension.Index);
                    }
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // A malformed document is unreadable as a whole: nothing in it is an explicit choice.
            return DimensionSet.Empty;
        }

        return present;
    }

    private static string NotLearnable(PolicyRegistry registry, DimensionInfo dimension, LearningReach scope)
    {
        if (scope.Verdict == LearningVerdict.NotMarked)
        {
            return $"{dimension.Name} is not learnable in this policy";
        }

        var tier = scope.Tier >= 0 ? registry.Tiers[scope.Tier].ToString() : "the policy";
        string? reason = null;
        foreach (var rule in registry.LearningRules)
        {
            if (rule.Tier == scope.Tier && rule.Dimension == dimension.Index && rule.NotLearnable == (scope.Verdict == LearningVerdict.SwitchedOff))
            {
                reason = rule.Reason;
                break;
            }
        }

        var why = reason is { Length: > 0 } ? ": " + reason : string.Empty;
        return scope.Verdict == LearningVerdict.SwitchedOff
            ? $"{tier} does not allow learning {dimension.Name} here{why}"
            : $"the learning ranges for {dimension.Name} here leave no value ({tier}'s range){why}";
    }
}
