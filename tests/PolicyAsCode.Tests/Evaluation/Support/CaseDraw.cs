using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;

namespace PolicyAsCode.Evaluation.Tests.Support;

/// <summary>
/// Draws the parts of a differential case for one registry straight from a <see cref="PCG"/>: each part is a weighted
/// choice among a few kinds (the weights are the point: mostly ordinary, sometimes hostile), so a case costs a few
/// dozen random numbers and its arrays, not a tree of generator objects.
/// </summary>
internal sealed class CaseDraw
{
    private static readonly Fact[] FactCombinations =
    [
        Fact.None, Fact.Minor, Fact.ConsentsToMemory, Fact.RolePlay, Fact.Minor | Fact.ConsentsToMemory, Fact.Minor | Fact.RolePlay,
        Fact.ConsentsToMemory | Fact.RolePlay, Fact.Minor | Fact.ConsentsToMemory | Fact.RolePlay,
    ];

    private static readonly Hazard[] OddHazards = [Hazard.Custom1, Hazard.Custom3, Hazard.Custom8, (Hazard)(1UL << 20), (Hazard)(1UL << 63)];

    private readonly string?[] _jurisdictions;
    private readonly ValueDraw[] _values;
    private readonly Hazard[] _named;
    private readonly ulong _known;

    public CaseDraw(PolicyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var jurisdictions = new List<string?> { null, "unknown", string.Empty };
        foreach (var jurisdiction in registry.Jurisdictions)
        {
            jurisdictions.Add(jurisdiction);
            jurisdictions.Add(jurisdiction.ToLowerInvariant());
            jurisdictions.Add(jurisdiction.ToUpperInvariant());

            // Near misses, which a matcher that folds case by bit arithmetic could take for the code: a trailing space,
            // one character short, every non-letter's bit 5 flipped ('-' becomes '\r'), Unicode look-alikes that
            // fold onto ASCII letters in some culture but not under OrdinalIgnoreCase.
            jurisdictions.Add(jurisdiction + " ");
            jurisdictions.Add(jurisdiction[..^1]);
            jurisdictions.Add(new string([.. jurisdiction.Select(c => char.IsAsciiLetter(c) ? c : (char)(c ^ 0x20))]));
            jurisdictions.Add(new string([.. jurisdiction.Select(c => char.ToUpperInvariant(c) switch { 'I' => '\u0131', 'K' => '\u212A', 'S' => '\u017F', 'E' => '\u00C9', _ => c })]));
        }

        _jurisdictions = [.. jurisdictions];
        _values = [.. registry.Dimensions.Select(d => new ValueDraw(d, [.. registry.Bounds.Where(b => b.Dimension == d.Index)]))];
        _named = [.. registry.Forbids.Select(f => f.Hazards).Concat(registry.CustomHazards.Select(c => c.Hazard)).Where(h => h != Hazard.None)];
        _known = (ulong)registry.KnownHazards;
    }

    /// <summary>A whole case.</summary>
    public EvaluationCase Case(PCG pcg)
    {
        var context = Context(pcg);
        var requested = Request(pcg);
        var unreadable = Unreadable(pcg);
        var detected = new Hazard[1 + (int)pcg.Next(4)];
        for (var i = 0; i < detected.Length; i++)
        {
            detected[i] = Hazards(pcg);
        }

        return new EvaluationCase(context, requested, unreadable, detected);
    }

    /// <summary>A jurisdiction of the policy (any case), an unknown one or none, and random facts, held and known.</summary>
    public PolicyContext Context(PCG pcg)
    {
        var jurisdiction = _jurisdictions[pcg.Next((uint)_jurisdictions.Length)];
        return new PolicyContext(jurisdiction, Facts(pcg), Facts(pcg));
    }

    /// <summary>Weighted choice: the index of the weight the draw fell in.</summary>
    public static int Pick(PCG pcg, ReadOnlySpan<int> weights)
    {
        var total = 0;
        foreach (var weight in weights)
        {
            total += weight;
        }

        var draw = (int)pcg.Next((uint)total);
        for (var i = 0; i < weights.Length; i++)
        {
            draw -= weights[i];
            if (draw < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static Fact Facts(PCG pcg) =>
        pcg.Next(13) < 12 ? FactCombinations[pcg.Next((uint)FactCombinations.Length)] : (Fact)(pcg.Next() & 0x3003F);

    // Usually one value per dimension; sometimes no request at all, too few values or too many.
    private DimensionValue[]? Request(PCG pcg)
    {
        var kind = Pick(pcg, [40, 1, 1, 1]);
        if (kind == 1)
        {
            return null;
        }

        var values = new DimensionValue[_values.Length + (kind == 3 ? 2 : 0)];
        for (var i = 0; i < _values.Length; i++)
        {
            values[i] = _values[i].Value(pcg);
        }

        if (kind == 2)
        {
            return values[..(int)pcg.Next((uint)Math.Max(1, _values.Length))];
        }

        if (kind == 3)
        {
            values[^2] = DimensionValue.OfNumber(double.NaN);
            values[^1] = DimensionValue.OfPosition(7);
        }

        return values;
    }

    // Dimensions whose value could not be read: usually none, sometimes indexes past the policy's dimensions.
    private int[] Unreadable(PCG pcg)
    {
        switch (Pick(pcg, [8, 2, 1]))
        {
            case 0:
                return [];
            case 1:
                var some = new int[1 + (int)pcg.Next(3)];
                for (var i = 0; i < some.Length; i++)
                {
                    some[i] = (int)pcg.Next((uint)_values.Length + 2);
                }

                return [.. some.Distinct()];
            default:
                return [(int)new[] { 64, 65, 130 }[pcg.Next(3)]];
        }
    }

    // None, shipped ones, the policy's forbidden and custom hazards, single bits and bits no one knows.
    private Hazard Hazards(PCG pcg)
    {
        var kind = Pick(pcg, _named.Length > 0 ? [2, 3, 2, 1, 2, 1, 4, 2] : [2, 3, 2, 1, 2, 1]);
        var bits = pcg.Next64();
        return kind switch
        {
            0 => Hazard.None,
            1 => (Hazard)(bits & (ulong)Taxonomy.Shipped & (bits >> 17)),
            2 => (Hazard)(bits & _known),
            3 => (Hazard)bits,
            4 => (Hazard)(1UL << (int)pcg.Next(64)),
            5 => OddHazards[pcg.Next((uint)OddHazards.Length)],
            6 => (Hazard)((ulong)_named[pcg.Next((uint)_named.Length)] & (bits | (bits >> 32) | 1UL << (int)(bits % 64))),
            _ => _named[pcg.Next((uint)_named.Length)] | (Hazard)(1UL << (int)pcg.Next(64)),
        };
    }
}
