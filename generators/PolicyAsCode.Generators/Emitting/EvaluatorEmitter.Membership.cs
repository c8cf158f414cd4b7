using PolicyAsCode.Generators.Model;
using PolicyAsCode.Generators.Parsing;

namespace PolicyAsCode.Generators.Emitting;

// Tests of a value against constant bounds, written as the cheapest comparison each kind allows.
internal static partial class EvaluatorEmitter
{
    // Whether v{i} can be read: it was supplied, is not listed as unreadable and is a value of the dimension's type.
    private static string Readable(DimensionModel d) => $"readAll && !unreadable.Contains({d.Index}){InDomain(d, $"v{d.Index}")}";

    // Whether v{i}, a readable value, lies inside every bound that applies in the scope. The unconditional bounds are
    // intersected at build time into one constant test; a conditional bound adds a test only where it is narrower
    // than that intersection, guarded by its scope test. True exactly when the value is granted as asked: then no
    // bound is skipped (each intersection still holds the value) and the strict bound contains it.
    private static string InsideTest(PolicyModel policy, DimensionModel d, EvaluatorLocals scope, Access? typed = null)
    {
        var always = Always(policy, d, scope);
        var value = typed ?? Access.Encoded($"v{d.Index}");
        var tests = new System.Collections.Generic.List<string>();
        var constant = Within(d, always, d.Domain, value);
        if (constant == "false")
        {
            return constant; // the unconditional bounds leave no value
        }

        if (constant.Length > 0)
        {
            tests.Add(constant);
        }

        foreach (var b in scope.Index.BoundsOn(d.Index))
        {
            var applies = scope.Applies(b);
            if (applies.Length == 0 || PolicyAsCode.Lattice.IsWithin(always, b.Bound))
            {
                continue;
            }

            // The constant test already holds here, so only what the bound adds to it is tested.
            var test = Within(d, b.Bound, always, value);
            if (test.Length > 0)
            {
                tests.Add($"(!{applies} || {test})");
            }
        }

        return string.Join(" && ", tests);
    }

    // The intersection of the domain and the dimension's unconditional bounds, folded at build time.
    private static Bound Always(PolicyModel policy, DimensionModel d, EvaluatorLocals scope)
    {
        var always = d.Domain;
        foreach (var b in scope.Index.BoundsOn(d.Index))
        {
            if (scope.Applies(b).Length == 0)
            {
                always = PolicyAsCode.Lattice.Intersect(always, b.Bound);
            }
        }

        return always;
    }

    // How a test reads a value: through its encoding (a DimensionValue: .Number, .Bits), or, on the fast path, straight
    // from the typed property where that is exact (an int compared with int literals, a bool, an enum valued 0, 1, 2,
    // ..., a flags enum).
    private sealed class Access(string number, string bits, bool integerLiterals, string? boolean)
    {
        public string Number { get; } = number;

        public string Bits { get; } = bits;

        public bool IntegerLiterals { get; } = integerLiterals;

        public string? Boolean { get; } = boolean;

        public static Access Encoded(string value) => new($"{value}.Number", $"{value}.Bits", false, null);
    }

    // The fast path's local for a dimension (its declaration) and how tests read it.
    private static (string Declaration, Access Access, string Domain) FastValue(DimensionModel d)
    {
        var i = d.Index;
        var v = $"v{i}";
        var property = $"source.{CSharpNames.Escape(d.Name)}";
        switch (d.Kind)
        {
            case DimensionKind.Integer:
                return ($"var {v} = {property};", new Access(v, v, true, null), string.Empty);
            case DimensionKind.Real:
                return ($"var {v} = {property};", new Access(v, v, false, null), $"double.IsFinite({v})");
            case DimensionKind.Boolean:
                return ($"var {v} = {property};", new Access(v, v, false, v), string.Empty);
            case DimensionKind.Set:
                return ($"var {v} = unchecked((ulong)(long){property});", new Access(v, v, false, null), $"({v} & {Literals.ULong(~d.Domain.Ceiling)}) == 0UL");
            case DimensionKind.Ordinal when IsContiguous(d):
                return ($"var {v} = unchecked((ulong)(long){property});", new Access(v, v, false, null), $"{v} < {d.Members.Count}UL");
            default:
                return ($"var {v} = Encode{i}({property});", Access.Encoded(v), InDomain(d, v).Substring(" && ".Length));
        }
    }

    // Whether a value is readable and inside every applicable bound, as one condition, on the fast path's typed
    // value. The domain test is left out where the constant test implies it: a test of the permitted flags, or of
    // both ends of a finite interval.
    private static (string Declaration, string Test) Inside(PolicyModel policy, DimensionModel d, EvaluatorLocals scope)
    {
        var (declaration, access, domain) = FastValue(d);
        var inside = InsideTest(policy, d, scope, access);
        if (inside == "false")
        {
            return (declaration, inside);
        }

        var always = Always(policy, d, scope);
        var implied = !PolicyAsCode.Lattice.IsEmpty(always) && d.Kind switch
        {
            DimensionKind.Set => (d.Domain.Ceiling & ~always.Ceiling) != 0,
            DimensionKind.Real => always.Lo > d.Domain.Lo && always.Hi < d.Domain.Hi,
            _ => false,
        };
        var tests = new System.Collections.Generic.List<string>();
        if (!implied && domain.Length > 0)
        {
            tests.Add(domain);
        }

        if (inside.Length > 0)
        {
            tests.Add(inside);
        }

        return (declaration, tests.Count == 0 ? "true" : string.Join(" && ", tests));
    }

    // A constant test that a value known to lie in `implied` also lies in bound `b`; empty when it always does.
    private static string Within(DimensionModel d, Bound b, Bound implied, string value) => Within(d, b, implied, Access.Encoded(value));

    private static string Within(DimensionModel d, Bound b, Bound implied, Access value)
    {
        if (PolicyAsCode.Lattice.IsEmpty(b))
        {
            return "false";
        }

        switch (d.Kind)
        {
            case DimensionKind.Integer:
            case DimensionKind.Real:
            {
                // An int compared with int literals: x >= lo exactly when x >= ceiling(lo), x <= hi when x <= floor(hi).
                var parts = new System.Collections.Generic.List<string>();
                if (b.Lo > implied.Lo)
                {
                    parts.Add($"{value.Number} >= {(value.IntegerLiterals ? Literals.Int((int)System.Math.Ceiling(b.Lo)) : Literals.Double(b.Lo))}");
                }

                if (b.Hi < implied.Hi)
                {
                    parts.Add($"{value.Number} <= {(value.IntegerLiterals ? Literals.Int((int)System.Math.Floor(b.Hi)) : Literals.Double(b.Hi))}");
                }

                return string.Join(" && ", parts);
            }

            case DimensionKind.Set:
            {
                var parts = new System.Collections.Generic.List<string>();
                if ((implied.Ceiling & ~b.Ceiling) != 0)
                {
                    parts.Add($"({value.Bits} & {Literals.ULong(~b.Ceiling)}) == 0UL");
                }

                if ((b.Floor & ~implied.Floor) != 0)
                {
                    parts.Add($"({value.Bits} & {Literals.ULong(b.Floor)}) == {Literals.ULong(b.Floor)}");
                }

                return string.Join(" && ", parts);
            }

            default:
                if ((implied.Ceiling & ~b.Ceiling) == 0)
                {
                    return string.Empty;
                }

                if (value.Boolean is { } flag)
                {
                    // Position 0 is false, position 1 is true.
                    return (b.Ceiling & 0x3UL) switch { 0x1UL => $"!{flag}", 0x2UL => flag, 0x3UL => string.Empty, _ => "false" };
                }

                // A readable member's position is below 64 (a boolean's is 0 or 1), so the shift is defined.
                return $"(({Literals.ULong(b.Ceiling)} >> (int){value.Bits}) & 1UL) != 0UL";
        }
    }

    // The narrowing of a dimension for every combination of the scope tests its bounds read: the strict bound and
    // the first skipped bound, and for a waivable dimension the relaxed bound and whether a user waiver holds. It
    // replays the emitted Narrow chain with the same Lattice, so a table entry is exactly what the chain computes.
    // Null when the dimension reads more than MaxFoldedTests tests (the table would have more than 64 entries).
    private const int MaxFoldedTests = 6;
}
