using System.Collections.Generic;
using System.Linq;

namespace PolicyAsCode.Evaluation.Tests.Support;

/// <summary>How the laws of a random policy sit within each other.</summary>
public enum LawNesting
{
    /// <summary>1–3 laws within none (jurisdictions may repeat in another case).</summary>
    None,

    /// <summary>DE within EU.</summary>
    Chain,

    /// <summary>DE-BY within DE within EU.</summary>
    DeepChain,

    /// <summary>DE and FR within EU, sometimes DE-BY within DE.</summary>
    TwoWithinOne,

    /// <summary>EU and US side by side, DE within EU, sometimes US-CA within US.</summary>
    UnrelatedLaws,

    /// <summary>DE-BY within DE within EU, and US-CA within US.</summary>
    UnrelatedChains,
}

/// <summary>Laws within laws for <see cref="RandomPolicySource"/>, and the bounds a law within others writes.</summary>
public static partial class RandomPolicySource
{
    /// <summary>The bound forms, named as their attributes.</summary>
    private enum Form
    {
        AtMost,
        AtLeast,
        Between,
        Locked,
        Allowed,
    }

    /// <summary>
    /// A constant as written (<paramref name="Text"/>) with its place in its dimension's order: <paramref name="Key"/> is
    /// the position of a bool, choice or ordinal, or the number; <paramref name="Bits"/> a flag mask, bit <c>i</c> for
    /// the dimension's member <c>i</c>.
    /// </summary>
    private readonly record struct Point(string Text, double Key, ulong Bits);

    /// <summary>A bound as drawn: its form and its arguments (one; Between's two; Allowed's list).</summary>
    private sealed record BoundDraft(Form Form, Point[] Points);

    private sealed partial class Writer
    {
        /// <summary>
        /// Laws of which at least one sits within another, listed outermost first, as <paramref name="nesting"/> says;
        /// sometimes a second law for a jurisdiction already there (in another case), within the same laws or within
        /// none (its jurisdiction is still within theirs: the first law says so), or, where there are unrelated laws, a
        /// law within two of them.
        /// </summary>
        private List<Tier> NestedLaws(LawNesting nesting)
        {
            var laws = new List<Tier>();
            Tier Law(string jurisdiction, params Tier[] outer)
            {
                var law = new Tier { Name = "Law" + laws.Count, Rank = 1, Jurisdiction = Chance(0.15) ? jurisdiction.ToLowerInvariant() : jurisdiction };
                law.Outer.AddRange(outer);
                laws.Add(law);
                return law;
            }

            var eu = Law("EU");
            Tier? us = null;
            switch (nesting)
            {
                case LawNesting.Chain:
                    Law("DE", eu);
                    break;
                case LawNesting.DeepChain:
                    Law("DE-BY", Law("DE", eu));
                    break;
                case LawNesting.TwoWithinOne:
                    var de = Law("DE", eu);
                    Law("FR", eu);
                    if (Chance(0.3))
                    {
                        Law("DE-BY", de);
                    }

                    break;
                case LawNesting.UnrelatedLaws:
                    us = Law("US");
                    Law("DE", eu);
                    if (Chance(0.5))
                    {
                        Law("US-CA", us);
                    }

                    break;
                default:
                    Law("DE-BY", Law("DE", eu));
                    Law("US-CA", us = Law("US"));
                    break;
            }

            // The draw happens either way, so forcing the case leaves the rest of the policy as its seed wrote it.
            if (Chance(0.2) | sharedJurisdiction)
            {
                var again = Pick(laws);
                Law(Chance(0.5) ? again.Jurisdiction.ToUpperInvariant() : again.Jurisdiction.ToLowerInvariant(), Chance(0.5) ? [.. again.Outer] : []);
            }

            if (us is not null && Chance(0.2))
            {
                Law("CH", eu, us);
            }

            return laws;
        }

        /// <summary>The laws an organisation is deployed under: national ones, supra-national ones, or any of them.</summary>
        private List<Tier> DeployedUnder(List<Tier> laws)
        {
            var national = laws.Where(l => l.Outer.Count > 0).ToList();
            var supranational = laws.Where(l => laws.Any(inner => inner.Outer.Contains(l))).ToList();
            var pool = random.Next(3) switch { 0 => national, 1 => supranational, _ => laws };
            return pool.Where(_ => Chance(0.7)).ToList();
        }

        /// <summary>The laws given and every law they sit within, however deep.</summary>
        private static HashSet<Tier> Covered(IEnumerable<Tier> laws)
        {
            var covered = new HashSet<Tier>();
            var queue = new Queue<Tier>(laws);
            while (queue.Count > 0)
            {
                var law = queue.Dequeue();
                if (covered.Add(law))
                {
                    foreach (var outer in law.Outer)
                    {
                        queue.Enqueue(outer);
                    }
                }
            }

            return covered;
        }

        /// <summary>
        /// The bounds a law writes on a dimension the laws it sits within bound: for each of theirs, mostly one inside
        /// it, sometimes one that contradicts it, sometimes none; rarely one more of any kind. The ones inside all allow
        /// one value every outer bound allows, when one is found, so that they narrow without contradicting any.
        /// </summary>
        private List<BoundDraft> WithinOuter(Dimension dimension, List<BoundDraft> outer)
        {
            var common = Common(dimension, outer);
            var drafts = new List<BoundDraft>();
            foreach (var bound in outer)
            {
                var roll = random.NextDouble();
                if (roll < 0.75)
                {
                    drafts.Add(Narrower(dimension, bound, common));
                }
                else if (roll < 0.87)
                {
                    drafts.Add(Contradicting(dimension, bound));
                }
            }

            if (Chance(0.1))
            {
                drafts.Add(DrawBound(dimension));
            }

            return drafts;
        }

        /// <summary>A value every one of <paramref name="bounds"/> allows, if a few draws find one.</summary>
        private Point? Common(Dimension dimension, List<BoundDraft> bounds)
        {
            for (var i = 0; i < 12; i++)
            {
                var point = Sample(dimension, Pick(bounds));
                if (bounds.All(b => Contains(dimension, b, point)))
                {
                    return point;
                }
            }

            return null;
        }

        /// <summary>A value a bound allows.</summary>
        private Point Sample(Dimension dimension, BoundDraft bound)
        {
            var p = bound.Points;
            return bound.Form switch
            {
                Form.AtMost => Inside(dimension, null, p[0]),
                Form.AtLeast => Inside(dimension, p[0], null),
                Form.Between => Inside(dimension, p[0], p[1]),
                Form.Allowed when dimension.Kind is Kind.Flags or Kind.Hazard => Inside(dimension, null, new Point(string.Empty, 0, p.Aggregate(0UL, (mask, q) => mask | q.Bits))),
                _ => Pick(p),
            };
        }

        /// <summary>
        /// A bound that allows only values <paramref name="outer"/> allows, mostly of its form, sometimes Locked; one
        /// that allows <paramref name="common"/> too, when there is one.
        /// </summary>
        private BoundDraft Narrower(Dimension dimension, BoundDraft outer, Point? common)
        {
            var p = outer.Points;
            BoundDraft narrower;
            switch (outer.Form)
            {
                case Form.AtMost:
                    narrower = OneOrLocked(Form.AtMost, Inside(dimension, common, p[0]));
                    break;
                case Form.AtLeast:
                    narrower = OneOrLocked(Form.AtLeast, Inside(dimension, p[0], common));
                    break;
                case Form.Between:
                    var lo = Inside(dimension, p[0], common ?? p[1]);
                    narrower = Chance(0.2) && common is null ? new BoundDraft(Form.Locked, [lo]) : new BoundDraft(Form.Between, [lo, Inside(dimension, common ?? lo, p[1])]);
                    break;
                case Form.Locked:
                    return outer;
                default:
                    var kept = p.Where(q => (common is { } c && (q.Key == c.Key && q.Bits == c.Bits || (q.Bits & c.Bits) != 0)) || Chance(0.6)).ToArray();
                    narrower = new BoundDraft(Form.Allowed, kept.Length > 0 ? kept : [Pick(p)]);
                    break;
            }

            return common is { } value && !Contains(dimension, narrower, value) ? new BoundDraft(Form.Locked, [value]) : narrower;

            BoundDraft OneOrLocked(Form form, Point point) => new(Chance(0.2) ? Form.Locked : form, [point]);
        }

        /// <summary>A Locked bound on a value <paramref name="outer"/> does not allow, when one is drawn; else any bound.</summary>
        private BoundDraft Contradicting(Dimension dimension, BoundDraft outer)
        {
            for (var i = 0; i < 10; i++)
            {
                var point = Draw(dimension);
                if (!Contains(dimension, outer, point))
                {
                    return new BoundDraft(Form.Locked, [point]);
                }
            }

            return DrawBound(dimension);
        }

        /// <summary>A constant between <paramref name="lo"/> and <paramref name="hi"/> (null: unbounded on that side; for sets: a superset of one, a subset of the other).</summary>
        private Point Inside(Dimension dimension, Point? lo, Point? hi)
        {
            switch (dimension.Kind)
            {
                case Kind.Int:
                case Kind.Real:
                    for (var i = 0; i < 8; i++)
                    {
                        var (text, value) = Number(dimension.Kind == Kind.Int);
                        if ((lo is null || value >= lo.Value.Key) && (hi is null || value <= hi.Value.Key))
                        {
                            return new Point(text, value, 0);
                        }
                    }

                    return lo is { } low && (hi is null || Chance(0.5)) ? low : hi!.Value;
                case Kind.Flags:
                case Kind.Hazard:
                {
                    var floor = lo?.Bits ?? 0;
                    var ceiling = hi?.Bits ?? ulong.MaxValue;
                    var names = Members(dimension).Where(n => (ceiling >> dimension.Members.FindIndex(m => m.Name == n) & 1) != 0 && Chance(0.5));
                    var floorNames = dimension.Members.Where((m, i) => (floor >> i & 1) != 0).Select(m => m.Name);
                    return MaskOf(dimension, [.. floorNames.Union(names)]);
                }

                default:
                {
                    var first = (int)(lo?.Key ?? 0);
                    var last = (int)(hi?.Key ?? Count(dimension) - 1);
                    return Position(dimension, random.Next(first, last + 1));
                }
            }
        }

        /// <summary>Whether a drawn bound allows a constant.</summary>
        private static bool Contains(Dimension dimension, BoundDraft bound, Point point)
        {
            var p = bound.Points;
            if (dimension.Kind is Kind.Flags or Kind.Hazard)
            {
                static bool Subset(ulong a, ulong b) => (a & ~b) == 0;
                return bound.Form switch
                {
                    Form.AtMost => Subset(point.Bits, p[0].Bits),
                    Form.AtLeast => Subset(p[0].Bits, point.Bits),
                    Form.Between => Subset(p[0].Bits, point.Bits) && Subset(point.Bits, p[1].Bits),
                    Form.Locked => point.Bits == p[0].Bits,
                    _ => Subset(point.Bits, p.Aggregate(0UL, (mask, q) => mask | q.Bits)),
                };
            }

            return bound.Form switch
            {
                Form.AtMost => point.Key <= p[0].Key,
                Form.AtLeast => point.Key >= p[0].Key,
                Form.Between => p[0].Key <= point.Key && point.Key <= p[1].Key,
                Form.Locked => point.Key == p[0].Key,
                _ => p.Any(q => q.Key == point.Key),
            };
        }
    }
}
