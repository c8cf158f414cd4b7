using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;

namespace PolicyAsCode.Monitoring;

/// <summary>
/// The buckets one dimension's values are counted in, fixed by the policy before any value is seen, so a bucket's label
/// never carries a value a user wrote: each member for a boolean, ordinal or choice dimension; each flag (and
/// <c>none</c>) for a set; for a number, the points every bound of the dimension names (and any an operator adds) and
/// the open ranges between them. Bucket 0, <see cref="Unreadable"/>, counts values the policy could not read.
/// </summary>
public sealed class ValueBuckets
{
    /// <summary>The label of the bucket of values the policy could not read (unreadable, out of the domain).</summary>
    public const string Unreadable = "unreadable";

    /// <summary>The label of a set dimension's bucket of values holding no flag.</summary>
    public const string NoFlag = "none";

    private readonly DimensionInfo _dimension;
    private readonly double[] _cuts;

    /// <summary>The buckets of <paramref name="dimension"/>, with number ranges cut at the ends of <paramref name="registry"/>'s bounds on it and at <paramref name="extraCuts"/>.</summary>
    public ValueBuckets(PolicyRegistry registry, DimensionInfo dimension, IEnumerable<double>? extraCuts = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _dimension = dimension ?? throw new ArgumentNullException(nameof(dimension));
        _cuts = IsNumber ? Cuts(registry, dimension, extraCuts) : [];
        Labels = BuildLabels();
    }

    /// <summary>The dimension.</summary>
    public DimensionInfo Dimension => _dimension;

    /// <summary>Every bucket's label, by bucket index; index 0 is <see cref="Unreadable"/>.</summary>
    public ImmutableArray<string> Labels { get; }

    /// <summary>The points numbers are cut at, ascending (empty for other kinds).</summary>
    public ReadOnlySpan<double> CutPoints => _cuts;

    private bool IsNumber => _dimension.Kind is DimensionKind.Integer or DimensionKind.Real;

    /// <summary>
    /// Writes the buckets <paramref name="value"/> falls in to <paramref name="buckets"/> (which must hold
    /// <see cref="Labels"/>.Length entries) and returns how many: one, except for a set, which counts in each flag it holds.
    /// </summary>
    public int Classify(DimensionValue value, Span<int> buckets)
    {
        if (!_dimension.InDomain(value))
        {
            buckets[0] = 0;
            return 1;
        }

        switch (_dimension.Kind)
        {
            case DimensionKind.Integer or DimensionKind.Real:
                buckets[0] = NumberBucket(value.Number);
                return 1;
            case DimensionKind.Set:
                return FlagBuckets(value.Bits, buckets);
            default:
                buckets[0] = 1 + value.Position;
                return 1;
        }
    }

    // Numbers: 1 is below the first cut, 2k is exactly cut k (1-based), 2k + 1 lies between cut k and the next.
    private int NumberBucket(double number)
    {
        var at = Array.BinarySearch(_cuts, number == 0 ? 0.0 : number);
        return at >= 0 ? 2 * (at + 1) : 2 * ~at + 1;
    }

    private int FlagBuckets(ulong mask, Span<int> buckets)
    {
        if (mask == 0)
        {
            buckets[0] = 1;
            return 1;
        }

        var count = 0;
        for (var i = 0; i < _dimension.MemberValues.Length; i++)
        {
            var flag = (ulong)_dimension.MemberValues[i];
            if (flag != 0 && (mask & flag) == flag)
            {
                buckets[count++] = 2 + i;
            }
        }

        return count;
    }

    private ImmutableArray<string> BuildLabels()
    {
        var labels = ImmutableArray.CreateBuilder<string>();
        labels.Add(Unreadable);
        switch (_dimension.Kind)
        {
            case DimensionKind.Integer or DimensionKind.Real:
                if (_cuts.Length == 0)
                {
                    labels.Add("(-inf, +inf)");
                    break;
                }

                labels.Add($"(-inf, {Text(_cuts[0])})");
                for (var k = 0; k < _cuts.Length; k++)
                {
                    labels.Add(Text(_cuts[k]));
                    labels.Add(k + 1 < _cuts.Length ? $"({Text(_cuts[k])}, {Text(_cuts[k + 1])})" : $"({Text(_cuts[k])}, +inf)");
                }

                break;
            case DimensionKind.Set:
                labels.Add(NoFlag);
                labels.AddRange(_dimension.Members);
                break;
            default:
                labels.AddRange(_dimension.Members);
                break;
        }

        return labels.ToImmutable();
    }

    private static string Text(double number) => number.ToString("R", CultureInfo.InvariantCulture);

    // The ends of every bound on the dimension that lie strictly inside its domain: the points where a policy's answer
    // can change, so a range between two of them holds users the policy treats alike.
    private static double[] Cuts(PolicyRegistry registry, DimensionInfo dimension, IEnumerable<double>? extra)
    {
        var cuts = new SortedSet<double>();
        foreach (var rule in registry.Bounds)
        {
            if (rule.Dimension == dimension.Index)
            {
                Add(cuts, dimension, rule.Bound.Lo);
                Add(cuts, dimension, rule.Bound.Hi);
            }
        }

        foreach (var cut in extra ?? [])
        {
            Add(cuts, dimension, cut);
        }

        return [.. cuts];
    }

    private static void Add(SortedSet<double> cuts, DimensionInfo dimension, double cut)
    {
        if (double.IsFinite(cut) && cut > dimension.Domain.Lo && cut < dimension.Domain.Hi)
        {
            cuts.Add(cut == 0 ? 0.0 : cut);
        }
    }
}
