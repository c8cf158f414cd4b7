using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using PolicyAsCode.Tests.Interpretation;

namespace PolicyAsCode.Evaluation.Tests.Support;

/// <summary>
/// Narrowing only (docs/semantics.md, section 7, rule 1), checked on one resolution of one registry: every effective
/// value lies inside every bound that applies in the context, except a bound a delegated user waiver lifts (with a
/// Waived or Clamped adjustment) or, after a contradiction, the bounds from the skipped one on. Which bounds apply
/// comes from <see cref="Oracle"/> (the definitions, not the interpreter), kept per context: a run of a million
/// cases meets a few hundred contexts.
/// </summary>
public sealed class NarrowingInvariant(PolicyRegistry registry)
{
    private readonly ConcurrentDictionary<(int Jurisdiction, Fact Facts, Fact Known), BoundRule[][]> _applicable = new();

    /// <summary>The registry checked against.</summary>
    public PolicyRegistry Registry { get; } = registry ?? throw new ArgumentNullException(nameof(registry));

    /// <summary>What breaks the invariant in one resolution, or null when nothing does.</summary>
    public string? Violation(in PolicyContext context, int jurisdiction, ReadOnlySpan<DimensionValue> effective, IReadOnlyList<Adjustment> adjustments)
    {
        ArgumentNullException.ThrowIfNull(adjustments);
        var dimensions = Registry.Dimensions;
        if (effective.Length != dimensions.Length)
        {
            return $"{effective.Length} effective values for {dimensions.Length} dimensions";
        }

        var byDimension = new Adjustment?[dimensions.Length];
        foreach (var adjustment in adjustments)
        {
            if (byDimension[adjustment.Dimension.Index] is not null)
            {
                return $"two adjustments name {adjustment.Dimension.Name}";
            }

            byDimension[adjustment.Dimension.Index] = adjustment;
        }

        var applicable = Applicable(context, jurisdiction);
        foreach (var dimension in dimensions)
        {
            var d = dimension.Index;
            if (!dimension.InDomain(effective[d]))
            {
                return $"{dimension.Name}: effective value {effective[d]} is not of the dimension's type";
            }

            var problem = Check(dimension, effective[d], byDimension[d], applicable[d], context);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private string? Check(DimensionInfo dimension, DimensionValue effective, Adjustment? adjustment, BoundRule[] applicable, in PolicyContext context)
    {
        foreach (var rule in applicable)
        {
            if (adjustment is { Cause: AdjustmentCause.Contradiction })
            {
                if (adjustment.Rule is null)
                {
                    return $"{dimension.Name}: a contradiction that names no skipped bound";
                }

                if (rule.Index < adjustment.Rule.Index && !Lattice.Contains(rule.Bound, effective))
                {
                    return $"{dimension.Name}: contradiction fallback {effective} lies outside bound {rule.Index} ({rule.Source}) applied before the skipped one";
                }

                continue;
            }

            // Only a bound a delegated user claim lifts in this context may be left, and only by a value the user asked for.
            if (!Lattice.Contains(rule.Bound, effective)
                && !(adjustment is { Cause: AdjustmentCause.Waived or AdjustmentCause.Clamped } && rule.WaivableBy == TierRank.User
                     && Oracle.WaivedBy(Registry, rule, TierRank.User, context)))
            {
                return $"{dimension.Name}: effective {effective} lies outside bound {rule.Index} ({rule.Source} of tier {rule.Tier}) without a delegated user waiver";
            }
        }

        return null;
    }

    private BoundRule[][] Applicable(PolicyContext context, int jurisdiction) =>
        _applicable.GetOrAdd((jurisdiction, context.Facts, context.Known), _ =>
        {
            var perDimension = new BoundRule[Registry.Dimensions.Length][];
            for (var d = 0; d < perDimension.Length; d++)
            {
                perDimension[d] = Oracle.ApplicableOn(Registry, d, jurisdiction, context);
            }

            return perDimension;
        });
}
