using System;
using System.Collections.Generic;
using System.Linq;

namespace PolicyAsCode.Benchmarks.Workload;

/// <summary>One request to resolve and decide on: null preferences, unreadable values and unknown hazards included.</summary>
public sealed record Case<T>(T? Requested, PolicyContext Context, DimensionSet Unreadable, Hazard[] Detected)
    where T : class;

/// <summary>
/// Deterministic random requests for any generated policy, built from its registry: contexts over its jurisdictions
/// (in any case, unknown, empty and null) with random known facts; values mostly at and around its bounds' edges,
/// sometimes outside the domain (undefined members, NaN, infinities, undefined flags); a few unreadable dimensions;
/// hazards the policy forbids, others, and bits it cannot name.
/// </summary>
public static class RandomCases
{
    private static readonly Fact[] Facts = [Fact.Minor, Fact.ConsentsToMemory, Fact.RolePlay, Fact.VerifiedAdult];

    /// <summary><paramref name="count"/> cases for policy <typeparamref name="T"/>; the same seed gives the same cases.</summary>
    public static Case<T>[] For<T>(int count, int seed)
        where T : class, IUserTierPolicy<T>
    {
        var registry = T.Registry;
        var random = new Random(seed);
        var edges = registry.Dimensions.Select(d => Edges(registry, d)).ToArray();
        var cases = new Case<T>[count];
        for (var i = 0; i < count; i++)
        {
            var context = Context(random, registry);
            T? requested = null;
            if (random.Next(4) == 0)
            {
                // What most users send: the defaults, or the defaults with one or two choices.
                requested = T.Defaults(context);
                if (random.Next(2) == 0)
                {
                    var values = T.Encode(requested);
                    var d = registry.Dimensions[random.Next(values.Length)];
                    values[d.Index] = Value(random, d, edges[d.Index]);
                    requested = T.Decode(values);
                }
            }
            else if (random.Next(50) != 0)
            {
                var values = new DimensionValue[registry.Dimensions.Length];
                foreach (var d in registry.Dimensions)
                {
                    values[d.Index] = Value(random, d, edges[d.Index]);
                }

                requested = T.Decode(values);
            }

            var unreadable = DimensionSet.Empty;
            if (random.Next(10) == 0)
            {
                unreadable = unreadable.With(random.Next(registry.Dimensions.Length + 1));
            }

            var detected = new Hazard[1 + random.Next(3)];
            for (var h = 0; h < detected.Length; h++)
            {
                detected[h] = Hazards(random, registry);
            }

            cases[i] = new Case<T>(requested, context, unreadable, detected);
        }

        return cases;
    }

    /// <summary>A context: a jurisdiction of the policy in any case, an unknown one, empty or null; random known facts.</summary>
    public static PolicyContext Context(Random random, PolicyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(registry);
        var pick = random.Next(registry.Jurisdictions.Length * 3 + 3);
        string? jurisdiction = pick switch
        {
            0 => null,
            1 => string.Empty,
            2 => "BR",
            _ => ((pick - 3) % 3) switch
            {
                0 => registry.Jurisdictions[(pick - 3) / 3],
                1 => registry.Jurisdictions[(pick - 3) / 3].ToLowerInvariant(),
                _ => registry.Jurisdictions[(pick - 3) / 3][..1] + registry.Jurisdictions[(pick - 3) / 3][1..].ToLowerInvariant(),
            },
        };

        var context = PolicyContext.In(jurisdiction);
        foreach (var fact in Facts)
        {
            switch (random.Next(3))
            {
                case 0: context = context.With(fact, true); break;
                case 1: context = context.With(fact, false); break;
                default: break; // unknown
            }
        }

        return context;
    }

    /// <summary>Detected hazards: none, hazards the policy forbids, any shipped ones, or bits it cannot name.</summary>
    public static Hazard Hazards(Random random, PolicyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(registry);
        return random.Next(8) switch
        {
            0 or 1 => Hazard.None,
            2 or 3 => (Hazard)(1UL << random.Next(14)),
            4 => registry.Forbids[random.Next(registry.Forbids.Length)].Hazards & (Hazard)(ulong)random.NextInt64(),
            5 => (Hazard)((ulong)random.NextInt64() & (ulong)Taxonomy.Shipped),
            6 => (Hazard)(1UL << random.Next(64)),
            _ => (Hazard)(1UL << random.Next(14)) | (Hazard)(1UL << random.Next(14)),
        };
    }

    private static DimensionValue Value(Random random, DimensionInfo d, double[] edges)
    {
        var hostile = random.Next(40) == 0;
        switch (d.Kind)
        {
            case DimensionKind.Boolean:
                return DimensionValue.OfPosition(random.Next(2));
            case DimensionKind.Ordinal:
            case DimensionKind.Choice:
                return hostile ? DimensionInfo.OutsideMembers : DimensionValue.OfPosition(random.Next(d.Members.Length));
            case DimensionKind.Integer:
                return DimensionValue.OfNumber(random.Next(3) switch
                {
                    0 => edges[random.Next(edges.Length)] + random.Next(-1, 2),
                    1 => random.Next(-40, 400),
                    _ => edges[random.Next(edges.Length)],
                });
            case DimensionKind.Real:
                if (hostile)
                {
                    return DimensionValue.OfNumber(random.Next(3) switch { 0 => double.NaN, 1 => double.PositiveInfinity, _ => double.NegativeInfinity });
                }

                return DimensionValue.OfNumber(random.Next(2) == 0 ? edges[random.Next(edges.Length)] : Math.Round(random.NextDouble() * 2.4 - 0.2, 2));
            default:
                var bits = (ulong)random.NextInt64() & d.Domain.Ceiling & (ulong)random.NextInt64();
                return DimensionValue.OfMask(hostile ? bits | (1UL << 62) : bits);
        }
    }

    // The numbers where the dimension's bounds begin and end, so requests land on, just inside and just outside them.
    private static double[] Edges(PolicyRegistry registry, DimensionInfo d)
    {
        var edges = new List<double> { 0 };
        foreach (var rule in registry.Bounds)
        {
            if (rule.Dimension == d.Index && (d.Kind == DimensionKind.Integer || d.Kind == DimensionKind.Real))
            {
                foreach (var edge in new[] { rule.Bound.Lo, rule.Bound.Hi })
                {
                    if (Math.Abs(edge) < 1e6)
                    {
                        edges.Add(edge);
                    }
                }
            }
        }

        return [.. edges.Distinct()];
    }
}
