using PolicyAsCode.Generators.Emitting;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Planning;

/// <summary>Tests of a value against constant bounds, each the cheapest comparison its kind allows, folded at build time.</summary>
internal static class Membership
{
    private const int MaxMembers = PolicyAsCode.Lattice.MaxMembers;

    /// <summary>Whether a value is one of the dimension's type: finite, a member, only known flags.</summary>
    public static Test InDomain(DimensionModel d, ValueAccess value) => d.Kind switch
    {
        DimensionKind.Real => Test.Name($"double.IsFinite({value.Number})"),
        DimensionKind.Ordinal or DimensionKind.Choice => Test.Comparison($"{value.Bits} < {MaxMembers}UL", $"{value.Bits} >= {MaxMembers}UL"),
        DimensionKind.Set => NoBitsOutside(value, d.Domain.Ceiling),
        _ => Test.Always,
    };

    /// <summary>
    /// Lattice.Contains for one kind, against a bound only known at run time (the expression <paramref name="bound"/>),
    /// its two tests joined by <paramref name="and"/> (&amp;&amp; or &amp;: a shift by a position of 64 or more reads
    /// the wrong bit, but the first test is then false).
    /// </summary>
    public static string WithinBoundAt(DimensionKind kind, string bound, string value, string and) =>
        WithinBoundAt(kind, bound, ValueAccess.Encoded(value), and);

    /// <summary>
    /// As <see cref="WithinBoundAt(DimensionKind, string, string, string)"/>, on a value read as
    /// <paramref name="value"/> says: encoded, or typed (a bool is position 0 or 1, as its encoding).
    /// </summary>
    public static string WithinBoundAt(DimensionKind kind, string bound, ValueAccess value, string and) => kind switch
    {
        DimensionKind.Integer or DimensionKind.Real => $"({value.Number} >= {bound}.Lo) {and} ({value.Number} <= {bound}.Hi)",
        DimensionKind.Set => $"(({value.Bits} & {bound}.Floor) == {bound}.Floor) {and} (({value.Bits} & ~{bound}.Ceiling) == 0UL)",
        _ when value.Boolean is { } flag => $"((({bound}.Ceiling >> ({flag} ? 1 : 0)) & 1UL) != 0UL)",
        _ => $"({value.Bits} < {MaxMembers}UL) {and} ((({bound}.Ceiling >> (int){value.Bits}) & 1UL) != 0UL)",
    };

    /// <summary>
    /// Whether a value read as <paramref name="read"/> reads it is of the dimension's type and within a bound known only
    /// at run time, the tests joined by <paramref name="and"/>, the type's first. A member's type test already keeps its
    /// position under 64.
    /// </summary>
    public static string OfTypeAndWithinBoundAt(DimensionKind kind, string bound, TypedRead read, string and)
    {
        var within = kind is DimensionKind.Ordinal or DimensionKind.Choice && !read.Domain.IsAlways
            ? $"((({bound}.Ceiling >> (int){read.Access.Bits}) & 1UL) != 0UL)"
            : WithinBoundAt(kind, bound, read.Access, and);
        return read.Domain.IsAlways ? within : $"({read.Domain}) {and} {within}";
    }

    /// <summary>Whether a value known to lie in <paramref name="implied"/> also lies in <paramref name="bound"/>.</summary>
    public static Test Within(DimensionModel d, Bound bound, Bound implied, ValueAccess value)
    {
        if (PolicyAsCode.Lattice.IsEmpty(bound))
        {
            return Test.Never;
        }

        switch (d.Kind)
        {
            case DimensionKind.Integer:
            case DimensionKind.Real:
            {
                var test = Test.Always;
                if (bound.Lo > implied.Lo)
                {
                    test = test.And(AtLeast(value, bound.Lo, d.Kind == DimensionKind.Integer));
                }

                if (bound.Hi < implied.Hi)
                {
                    test = test.And(AtMost(value, bound.Hi, d.Kind == DimensionKind.Integer));
                }

                return test;
            }

            case DimensionKind.Set:
            {
                var test = Test.Always;
                if ((implied.Ceiling & ~bound.Ceiling) != 0)
                {
                    test = test.And(NoBitsOutside(value, bound.Ceiling));
                }

                if ((bound.Floor & ~implied.Floor) != 0)
                {
                    var floor = Literals.ULong(bound.Floor);
                    test = test.And(Test.Comparison($"({value.Bits} & {floor}) == {floor}", $"({value.Bits} & {floor}) != {floor}"));
                }

                return test;
            }

            default:
                if ((implied.Ceiling & ~bound.Ceiling) == 0)
                {
                    return Test.Always;
                }

                if (value.Boolean is { } flag)
                {
                    // Position 0 is false, position 1 is true; an empty bound was answered above, and one holding both never gets here.
                    return (bound.Ceiling & 0x3UL) == 0x2UL ? Test.Name(flag) : Test.Name(flag).Not();
                }

                // A readable member's position is below 64 (a boolean's is 0 or 1), so the shift is defined.
                var member = $"(({Literals.ULong(bound.Ceiling)} >> (int){value.Bits}) & 1UL)";
                return Test.Comparison($"{member} != 0UL", $"{member} == 0UL");
        }
    }

    // An int compared with int literals: x >= lo exactly when x >= ceiling(lo), x <= hi when x <= floor(hi). A number
    // that may be NaN (a real's) has no exact opposite comparison, as NaN fails both, so it is negated as a whole.
    private static Test AtLeast(ValueAccess value, double lo, bool neverNaN) => value.IntegerLiterals
        ? Compare(value.Number, ">=", "<", Literals.Int((int)System.Math.Ceiling(lo)), true)
        : Compare(value.Number, ">=", "<", Literals.Double(lo), neverNaN);

    private static Test AtMost(ValueAccess value, double hi, bool neverNaN) => value.IntegerLiterals
        ? Compare(value.Number, "<=", ">", Literals.Int((int)System.Math.Floor(hi)), true)
        : Compare(value.Number, "<=", ">", Literals.Double(hi), neverNaN);

    private static Test Compare(string number, string holds, string fails, string literal, bool exactOpposite) =>
        Test.Comparison($"{number} {holds} {literal}", exactOpposite ? $"{number} {fails} {literal}" : $"!({number} {holds} {literal})");

    private static Test NoBitsOutside(ValueAccess value, ulong ceiling) =>
        Test.Comparison($"({value.Bits} & {Literals.ULong(~ceiling)}) == 0UL", $"({value.Bits} & {Literals.ULong(~ceiling)}) != 0UL");
}
