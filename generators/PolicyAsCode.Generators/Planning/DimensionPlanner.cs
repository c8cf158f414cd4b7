using System.Collections.Generic;
using System.Linq;
using PolicyAsCode.Generators.Model;
using PolicyAsCode.Generators.Parsing;

namespace PolicyAsCode.Generators.Planning;

/// <summary>Builds a <see cref="DimensionPlan"/>: the chain folded once, the tests derived from it.</summary>
internal static class DimensionPlanner
{
    public static DimensionPlan Plan(DimensionModel d, PolicyIndex index, ScopeTests scope)
    {
        var chain = index.BoundsOn(d.Index).Select(b => new ChainStep(b, scope.Applies(b), scope.UserWaived(b))).ToList();
        var waivable = chain.Any(s => !s.UserWaived.IsNever);
        var always = d.Domain;
        foreach (var step in chain.Where(s => s.Applies.IsAlways))
        {
            always = PolicyAsCode.Lattice.Intersect(always, step.Bound.Bound);
        }

        var encoded = ValueAccess.Encoded("value" + d.Index);
        var readable = Test.Name("readAll").And(Test.Name($"unreadable.Contains({d.Index})").Not()).And(Membership.InDomain(d, encoded));
        var read = TypedRead(d);
        return new DimensionPlan(
            d,
            chain,
            always,
            waivable,
            FoldedChain.Fold(d, chain, waivable),
            readable,
            Inside(d, chain, always, encoded),
            read,
            FastPath(d, chain, always, read));
    }

    // How a value is read from the typed property where that is exact (an int compared with int literals, a bool, an
    // enum valued 0, 1, 2, ..., a flags enum), else through its encoding; and the test that it is of the dimension's type.
    private static TypedRead TypedRead(DimensionModel d)
    {
        var local = "value" + d.Index;
        var property = $"source.{CSharpNames.Escape(d.Name)}";
        var mask = $"unchecked((ulong)(long){property})";
        return d.Kind switch
        {
            DimensionKind.Integer => new($"var {local} = {property};", ValueAccess.Typed(local, integerLiterals: true), Test.Always),
            DimensionKind.Real => new($"var {local} = {property};", ValueAccess.Typed(local), Test.Name($"double.IsFinite({local})")),
            DimensionKind.Boolean => new($"var {local} = {property};", ValueAccess.Typed(local, boolean: true), Test.Always),
            DimensionKind.Set => new($"var {local} = {mask};", ValueAccess.Typed(local), Membership.InDomain(d, ValueAccess.Typed(local))),
            DimensionKind.Ordinal when d.IsContiguous() => new($"var {local} = {mask};", ValueAccess.Typed(local), Test.Comparison($"{local} < {d.Members.Count}UL", $"{local} >= {d.Members.Count}UL")),
            _ => new($"var {local} = PolicyTables.Encode{d.Index}({property});", ValueAccess.Encoded(local), Membership.InDomain(d, ValueAccess.Encoded(local))),
        };
    }

    // The unconditional bounds are one constant test; a conditional bound adds a test only where it is narrower than
    // their intersection, guarded by whether it applies. True exactly when the value is granted as asked: then no bound
    // is skipped (each intersection still holds the value) and the strict bound contains it.
    private static Test Inside(DimensionModel d, IReadOnlyList<ChainStep> chain, Bound always, ValueAccess value)
    {
        var inside = Membership.Within(d, always, d.Domain, value);
        foreach (var step in chain)
        {
            if (step.Applies.IsExpression && !PolicyAsCode.Lattice.IsWithin(always, step.Bound.Bound))
            {
                // The constant test already holds here, so only what the bound adds to it is tested.
                inside = inside.And(Test.Implies(step.Applies, Membership.Within(d, step.Bound.Bound, always, value)));
            }
        }

        return inside;
    }

    // The fast path reads the value as TypedRead does, and leaves out the domain test where the constant test implies
    // it: a test of the permitted flags, or of both ends of a finite interval.
    private static FastPath FastPath(DimensionModel d, IReadOnlyList<ChainStep> chain, Bound always, TypedRead read)
    {
        var (declaration, access, domain) = (read.Declaration, read.Access, read.Domain);
        var implied = !PolicyAsCode.Lattice.IsEmpty(always) && d.Kind switch
        {
            DimensionKind.Set => (d.Domain.Ceiling & ~always.Ceiling) != 0,
            DimensionKind.Real => always.Lo > d.Domain.Lo && always.Hi < d.Domain.Hi,
            _ => false,
        };
        var inside = Inside(d, chain, always, access);
        return new FastPath(declaration, inside.IsNever ? inside : (implied ? Test.Always : domain).And(inside));
    }
}
