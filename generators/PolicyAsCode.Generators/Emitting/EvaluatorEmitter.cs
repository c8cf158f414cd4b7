using System.Collections.Generic;
using System.Linq;
using PolicyAsCode.Generators.Model;
using PolicyAsCode.Generators.Parsing;

namespace PolicyAsCode.Generators.Emitting;

/// <summary>
/// Emits the compiled evaluator of one policy: straight-line code with every bound a constant, no reflection,
/// no LINQ, and allocation only for a resolution that adjusts something.
/// </summary>
internal static class EvaluatorEmitter
{
    private const string Lattice = "global::PolicyAsCode.Lattice";
    private const string Value = "global::PolicyAsCode.DimensionValue";
    private const string Support = "global::PolicyAsCode.Compiled.EvaluatorSupport";
    private const int MaxMembers = PolicyAsCode.Lattice.MaxMembers;

    public static string Emit(PolicyModel policy)
    {
        var scope = new EvaluatorLocals(policy) { Prefix = "scope." };
        return GeneratedFile.Write(policy, writer => EmitRecord(writer, policy, scope), writer => EmitTables(writer, policy, scope));
    }

    private static void EmitRecord(SourceWriter writer, PolicyModel policy, EvaluatorLocals scope)
    {
        var self = policy.UserTier.Qualified;
        writer.Line($"/// <summary>The compiled evaluator of the policy whose user tier is {policy.UserTier.Name}.</summary>");
        writer.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"PolicyAsCode.Generators\", \"1.0.0\")]");
        writer.Open($"partial record {CSharpNames.Escape(policy.UserTier.Name)} : global::PolicyAsCode.IUserTierPolicy<{self}>");

        writer.Line("/// <summary>The policy as data: tiers, jurisdictions, dimensions, bounds, conditions, waivers, defaults and taxonomy links.</summary>");
        writer.Line("public static global::PolicyAsCode.PolicyRegistry Registry => PolicyTables.Registry;");
        writer.Line();
        EmitDefaults(writer, policy, self);
        writer.Line();
        writer.Line("/// <summary>Resolves requested preferences in a context: every value clamped into the applicable bounds, each move explained.</summary>");
        writer.Line($"public static global::PolicyAsCode.Resolution<{self}> Resolve({self} requested, in global::PolicyAsCode.PolicyContext context) => Resolve(requested, in context, default);");
        writer.Line();
        EmitResolve(writer, policy, self, scope);
        writer.Line();
        EmitDecide(writer, self);
        writer.Line();
        writer.Line("/// <summary>The preferences' values, encoded on their dimensions' lattices, in dimension order.</summary>");
        using (writer.Block($"public static {Value}[] Encode({self} preferences)"))
        {
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(preferences);");
            Braced(writer, $"return new {Value}[]", policy.Dimensions.Select(d => $"PolicyTables.Encode{d.Index}(preferences.{CSharpNames.Escape(d.Name)}),"));
        }

        writer.Line();
        writer.Line("/// <summary>Preferences holding the encoded values, in dimension order; missing values keep the record's defaults.</summary>");
        using (writer.Block($"public static {self} Decode(global::System.ReadOnlySpan<{Value}> values)"))
        {
            // Every value given: one record built directly, not a copy of a record of defaults.
            using (writer.Block($"if (values.Length >= {policy.Dimensions.Count})"))
            {
                Braced(writer, $"return new {self}()", policy.Dimensions.Select(d => $"{CSharpNames.Escape(d.Name)} = PolicyTables.Decode{d.Index}(values[{d.Index}]),"));
            }

            writer.Line();
            writer.Line($"global::System.Span<ulong> given = stackalloc ulong[{GivenMask.Words(policy.Dimensions.Count)}];");
            writer.Line("global::PolicyAsCode.Compiled.EvaluatorSupport.MarkFirst(given, values.Length);");
            writer.Line($"return Decode(new {self}(), values, given);");
        }

        writer.Line();
        writer.Line("/// <summary>The template with the encoded value of each dimension <paramref name=\"given\"/> marks (bit d % 64 of word d / 64), in dimension order.</summary>");
        using (writer.Block($"internal static {self} Decode({self} template, global::System.ReadOnlySpan<{Value}> values, global::System.ReadOnlySpan<ulong> given)"))
        {
            if (policy.Dimensions.Count == 0)
            {
                writer.Line("return template with { };");
            }
            else
            {
                Braced(writer, "return template with", policy.Dimensions.Select(d => $"{CSharpNames.Escape(d.Name)} = {GivenMask.Test("given", d.Index)} ? PolicyTables.Decode{d.Index}(values[{d.Index}]) : template.{CSharpNames.Escape(d.Name)},"));
            }
        }

        writer.Close();
    }

    // head, then the items in braces, one a line, closed by "};": an array or object initialiser, or a with expression.
    private static void Braced(SourceWriter writer, string head, IEnumerable<string> items)
    {
        writer.Line(head);
        writer.Line("{");
        foreach (var item in items)
        {
            writer.Line("    " + item);
        }

        writer.Line("};");
    }

    private static void EmitDefaults(SourceWriter writer, PolicyModel policy, string self)
    {
        writer.Line("/// <summary>The preferences a user starts from in a context: the user tier's initialisers, else the nearest tier's default.</summary>");
        using var _ = writer.Block($"public static {self} Defaults(in global::PolicyAsCode.PolicyContext context)");
        var locals = new EvaluatorLocals(policy);
        var assignments = new System.Collections.Generic.List<string>();
        foreach (var d in policy.Dimensions.Where(d => !d.HasInitialiser))
        {
            var defaults = locals.Index.DefaultsOn(d.Index).Reverse().ToList();
            if (defaults.Count == 0)
            {
                continue;
            }

            var expression = $"template.{CSharpNames.Escape(d.Name)}";
            for (var i = defaults.Count - 1; i >= 0; i--)
            {
                var tier = locals.Tier(defaults[i].Tier);
                var value = $"PolicyTables.Decode{d.Index}({Literals.Value(d.Kind, defaults[i].Value)})";
                expression = tier.Length == 0 ? value : $"{tier} ? {value} : {expression}";
            }

            assignments.Add($"    {CSharpNames.Escape(d.Name)} = {expression},");
        }

        if (assignments.Count == 0)
        {
            writer.Line($"return new {self}();");
            return;
        }

        locals.WriteDeclarations(writer);
        writer.Line($"var template = new {self}();");
        writer.Line("return template with");
        writer.Line("{");
        foreach (var assignment in assignments)
        {
            writer.Line(assignment);
        }

        writer.Line("};");
    }

    // Resolve checks, dimension by dimension, whether the requested value is readable and inside every bound that
    // applies, with each test folded into constants at build time (PolicyTables.Inside0, Inside1, ...). That is true
    // exactly when the dimension resolves to the value as asked with no adjustment, so when it holds for every
    // dimension Resolve returns the request itself and allocates nothing. Otherwise PolicyTables.ResolveMoved runs
    // the full algorithm of docs/semantics.md for the dimensions that failed the test (PolicyTables.Resolve0, ...).
    // Keeping each piece in its own small method keeps every method small enough for the JIT to optimise, whatever
    // the number of dimensions.
    private static void EmitResolve(SourceWriter writer, PolicyModel policy, string self, EvaluatorLocals scope)
    {
        writer.Line("/// <summary>Resolves requested preferences in a context; values listed in <paramref name=\"unreadable\"/> resolve fail-closed.</summary>");
        using var _ = writer.Block($"public static global::PolicyAsCode.Resolution<{self}> Resolve({self} requested, in global::PolicyAsCode.PolicyContext context, global::PolicyAsCode.DimensionSet unreadable)");
        writer.Line("var readAll = requested is not null;");
        writer.Line($"var source = requested ?? new {self}();");
        writer.Line("var scope = new PolicyTables.Scope(in context);");
        var chunks = Chunks(policy);
        if (chunks > 0)
        {
            var inside = string.Join(" && ", Enumerable.Range(0, chunks).Select(k => $"PolicyTables.Inside{k}(source, readAll, unreadable, in scope)"));
            using (writer.Block(chunks == 1 ? $"if (!{inside})" : $"if (!({inside}))"))
            {
                writer.Line("return PolicyTables.ResolveMoved(source, readAll, unreadable, in scope);");
            }

            writer.Line();
        }

        var own = OwnLists(policy).Select(d => $"PolicyTables.Encode{d}(source.{CSharpNames.Escape(policy.Dimensions[d].Name)}), ");
        writer.Line($"var forbidden = PolicyTables.Forbidden(in scope, {string.Concat(own)}out var active);");
        writer.Line($"return new global::PolicyAsCode.Resolution<{self}>(source, null, forbidden, active, scope.Jurisdiction);");
    }

    private const int ChunkSize = 32;

    private static int Chunks(PolicyModel policy) => (policy.Dimensions.Count + ChunkSize - 1) / ChunkSize;

    // The dimensions holding a user's own hazard list, which the hazard rules read.
    private static System.Collections.Generic.List<int> OwnLists(PolicyModel policy) =>
        policy.Forbids.Where(f => f.IsUsersOwn).Select(f => f.Dimension).Distinct().ToList();

    private static void EmitInside(SourceWriter w, PolicyModel policy, EvaluatorLocals scope, string self)
    {
        var chunks = Chunks(policy);
        for (var k = 0; k < chunks; k++)
        {
            w.Line();
            if (chunks == 1)
            {
                w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
            }

            using (w.Block($"public static bool Inside{k}({self} source, bool readAll, global::PolicyAsCode.DimensionSet unreadable, in Scope scope)"))
            {
                // With anything unreadable the fast path gives up at once; ResolveMoved tests each dimension exactly.
                w.Line("if (!readAll || !unreadable.IsEmpty) return false;");
                var reachable = true;
                foreach (var d in policy.Dimensions.Skip(k * ChunkSize).Take(ChunkSize))
                {
                    var (declaration, test) = Inside(policy, d, scope);
                    if (test == "false")
                    {
                        // The dimension's unconditional bounds contradict each other: no value is ever inside, so every
                        // resolution takes the full path (and nothing after this line could run).
                        w.Line($"return false; // {d.Name}: the unconditional bounds leave no value");
                        reachable = false;
                        break;
                    }

                    if (test != "true")
                    {
                        w.Line(declaration);
                        w.Line($"if (!({test})) return false;");
                    }
                }

                if (reachable)
                {
                    w.Line("return true;");
                }
            }
        }
    }

    private static void EmitResolveMoved(SourceWriter w, PolicyModel policy, EvaluatorLocals scope, string self)
    {
        if (policy.Dimensions.Count == 0)
        {
            return;
        }

        w.Line();
        using var _ = w.Block($"public static global::PolicyAsCode.Resolution<{self}> ResolveMoved({self} source, bool readAll, global::PolicyAsCode.DimensionSet unreadable, in Scope scope)");
        foreach (var d in policy.Dimensions)
        {
            var i = d.Index;
            w.Line($"var v{i} = Encode{i}(source.{CSharpNames.Escape(d.Name)});");
            w.Line($"var ok{i} = {Readable(d)};");
            var test = InsideTest(policy, d, scope);
            w.Line($"var in{i} = ok{i}{(test.Length > 0 ? " && " + test : string.Empty)};");
        }

        // A dimension that fails its test gets exactly one adjustment, so the array is allocated once, at its length.
        w.Line("var moved = 0;");
        foreach (var d in policy.Dimensions)
        {
            w.Line($"if (!in{d.Index}) moved++;");
        }

        w.Line("global::PolicyAsCode.Adjustment[]? adjustments = moved > 0 ? new global::PolicyAsCode.Adjustment[moved] : null;");
        w.Line("var count = 0;");
        foreach (var d in policy.Dimensions)
        {
            var i = d.Index;
            w.Line($"var g{i} = in{i} ? v{i} : Resolve{i}(v{i}, ok{i}, in scope, ref adjustments, ref count);");
        }

        w.Line();
        w.Line("var effective = source;");
        using (w.Block("if (count > 0)"))
        {
            w.Line("effective = source with");
            w.Line("{");
            foreach (var d in policy.Dimensions)
            {
                w.Line($"    {CSharpNames.Escape(d.Name)} = Decode{d.Index}(g{d.Index}),");
            }

            w.Line("};");
        }

        w.Line();
        var own = OwnLists(policy).Select(d => $"g{d}, ");
        w.Line($"var forbidden = Forbidden(in scope, {string.Concat(own)}out var active);");
        w.Line($"return new global::PolicyAsCode.Resolution<{self}>(effective, {Support}.Trim(adjustments, count), forbidden, active, scope.Jurisdiction);");
    }

    private static void EmitForbidden(SourceWriter w, PolicyModel policy, EvaluatorLocals scope)
    {
        w.Line();
        var own = OwnLists(policy).Select(d => $"{Value} g{d}, ");
        using var _ = w.Block($"public static global::PolicyAsCode.Hazard Forbidden(in Scope scope, {string.Concat(own)}out ulong active)");
        w.Line("var forbidden = global::PolicyAsCode.Hazard.None;");
        w.Line("active = 0UL;");
        foreach (var f in policy.Forbids)
        {
            if (f.IsUsersOwn)
            {
                w.Line($"var own{f.Index} = (global::PolicyAsCode.Hazard)g{f.Dimension}.Bits & {Literals.Hazard(f.Hazards)};");
                using (w.Block($"if (own{f.Index} != global::PolicyAsCode.Hazard.None)"))
                {
                    w.Line($"forbidden |= own{f.Index};");
                    w.Line($"active |= {Literals.ULong(1UL << f.Index)};");
                }

                continue;
            }

            var test = string.Join(" && ", new[] { scope.Tier(f.Tier), scope.Restricts(f.When, f.Unless) }.Where(p => p.Length > 0));
            if (test.Length == 0)
            {
                w.Line($"forbidden |= {Literals.Hazard(f.Hazards)};");
                w.Line($"active |= {Literals.ULong(1UL << f.Index)};");
            }
            else
            {
                using (w.Block($"if ({test})"))
                {
                    w.Line($"forbidden |= {Literals.Hazard(f.Hazards)};");
                    w.Line($"active |= {Literals.ULong(1UL << f.Index)};");
                }
            }
        }

        w.Line("return forbidden;");
    }

    // The context tests, evaluated once per resolution; every rule that needs one reads it from here.
    private static void EmitScope(SourceWriter w, EvaluatorLocals scope)
    {
        w.Line();
        w.Line("/// <summary>The tests a resolution needs from its context: which laws apply, which conditions restrict, which waivers hold.</summary>");
        using var _ = w.Block("public readonly struct Scope");
        w.Line("public readonly int Jurisdiction;");
        foreach (var name in scope.Names)
        {
            w.Line($"public readonly bool {name};");
        }

        w.Line();
        using (w.Block("public Scope(in global::PolicyAsCode.PolicyContext context)"))
        {
            w.Line("var jurisdiction = MatchJurisdiction(context.Jurisdiction);");
            foreach (var declaration in scope.Declarations)
            {
                w.Line(declaration);
            }

            w.Line("Jurisdiction = jurisdiction;");
            foreach (var name in scope.Names)
            {
                w.Line($"this.{name} = {name};");
            }
        }
    }

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

    private sealed class Folded(System.Collections.Generic.List<string> keys, Bound[] strict, int[] conflict, Bound[] relaxed, bool[] waives)
    {
        public System.Collections.Generic.List<string> Keys { get; } = keys;

        public Bound[] Strict { get; } = strict;

        public int[] Conflict { get; } = conflict;

        public Bound[] Relaxed { get; } = relaxed;

        public bool[] Waives { get; } = waives;
    }

    private static Folded? Fold(PolicyModel policy, DimensionModel d, EvaluatorLocals scope)
    {
        var rules = scope.Index.BoundsOn(d.Index).ToList();
        var waivable = rules.Any(b => scope.UserWaived(b).Length > 0);
        var keys = new System.Collections.Generic.List<string>();
        foreach (var b in rules)
        {
            foreach (var test in new[] { scope.Applies(b), waivable ? scope.UserWaived(b) : string.Empty })
            {
                if (test.Length > 0 && !keys.Contains(test))
                {
                    keys.Add(test);
                }
            }
        }

        if (keys.Count > MaxFoldedTests)
        {
            return null;
        }

        var size = 1 << keys.Count;
        var strict = new Bound[size];
        var conflict = new int[size];
        var relaxed = new Bound[size];
        var waives = new bool[size];
        for (var key = 0; key < size; key++)
        {
            bool Holds(string test) => test.Length == 0 || (key & (1 << keys.IndexOf(test))) != 0;
            var s = d.Domain;
            var x = -1;
            var r = d.Domain;
            var y = -1;
            var u = false;
            foreach (var b in rules)
            {
                if (!Holds(scope.Applies(b)))
                {
                    continue;
                }

                s = PolicyAsCode.Lattice.Narrow(s, b.Bound, b.Index, ref x);
                if (waivable)
                {
                    var userWaived = scope.UserWaived(b);
                    if (userWaived.Length > 0 && Holds(userWaived))
                    {
                        u = true;
                    }
                    else
                    {
                        r = PolicyAsCode.Lattice.Narrow(r, b.Bound, b.Index, ref y);
                    }
                }
            }

            strict[key] = s;
            conflict[key] = x;
            relaxed[key] = r;
            waives[key] = u;
        }

        return new Folded(keys, strict, conflict, relaxed, waives);
    }

    private static void EmitFoldedTables(SourceWriter writer, PolicyModel policy, EvaluatorLocals scope)
    {
        foreach (var d in policy.Dimensions)
        {
            var folded = Fold(policy, d, scope);
            if (folded is null)
            {
                continue;
            }

            var i = d.Index;
            writer.Line($"public static readonly global::PolicyAsCode.Bound[] Strict{i} = new global::PolicyAsCode.Bound[] {{ {string.Join(", ", folded.Strict.Select(Literals.Bound))} }};");
            if (folded.Conflict.Any(x => x >= 0))
            {
                writer.Line($"public static readonly int[] Conflict{i} = new int[] {{ {string.Join(", ", folded.Conflict.Select(Literals.Int))} }};");
            }

            if (scope.Index.BoundsOn(i).Any(b => scope.UserWaived(b).Length > 0))
            {
                writer.Line($"public static readonly global::PolicyAsCode.Bound[] Relaxed{i} = new global::PolicyAsCode.Bound[] {{ {string.Join(", ", folded.Relaxed.Select(Literals.Bound))} }};");
                writer.Line($"public static readonly bool[] Waives{i} = new bool[] {{ {string.Join(", ", folded.Waives.Select(Literals.Bool))} }};");
            }
        }
    }

    // The full resolution algorithm for one dimension whose value failed its Inside test: narrow by every applicable
    // bound in canonical order, then contradiction, fail closed, inside, or waive or clamp, with the citation.
    private static void EmitDimension(SourceWriter w, PolicyModel policy, DimensionModel d, EvaluatorLocals locals)
    {
        var i = d.Index;
        var strict = d.HigherIsStricter ? "true" : "false";
        var rules = locals.Index.BoundsOn(i).ToList();
        var waivable = rules.Any(b => locals.UserWaived(b).Length > 0);

        w.Line();
        w.Line($"// {d.Name}: {d.Kind.ToString().ToLowerInvariant()}, {(d.HigherIsStricter ? "higher" : "lower")} is stricter, {rules.Count} bound(s)");
        using var _ = w.Block($"public static {Value} Resolve{i}({Value} v{i}, bool ok{i}, in Scope scope, ref global::PolicyAsCode.Adjustment[]? adjustments, ref int count)");
        var folded = Fold(policy, d, locals);

        // Whether narrowing can meet an empty intersection at all: when it cannot, no contradiction is tracked or handled.
        var contradicts = folded is null ? rules.Count > 0 : folded.Conflict.Any(x => x >= 0);
        if (folded is not null)
        {
            // Narrowing depends only on which scope tests hold, so it was done at build time for each combination;
            // where every combination narrows alike, the one result is used without looking at the scope.
            var uniform = folded.Strict.All(b => b == folded.Strict[0]) && folded.Conflict.All(x => x == folded.Conflict[0])
                && (!waivable || (folded.Relaxed.All(b => b == folded.Relaxed[0]) && folded.Waives.All(u => u == folded.Waives[0])));
            var key = uniform || folded.Keys.Count == 0 ? "0" : string.Join(" | ", folded.Keys.Select((k, bit) => $"({k} ? {1 << bit} : 0)"));
            var at = key == "0" ? "0" : $"k{i}";
            if (key != "0")
            {
                w.Line($"var k{i} = {key};");
            }

            w.Line($"var s{i} = PolicyTables.Strict{i}[{at}];");
            if (contradicts)
            {
                w.Line($"var x{i} = PolicyTables.Conflict{i}[{at}];");
            }

            if (waivable)
            {
                w.Line($"var r{i} = PolicyTables.Relaxed{i}[{at}];");
                w.Line($"var u{i} = PolicyTables.Waives{i}[{at}];");
            }
        }
        else
        {
            w.Line($"var s{i} = PolicyTables.Domain{i};");
            if (contradicts)
            {
                w.Line($"var x{i} = -1;");
            }

            if (waivable)
            {
                w.Line($"var r{i} = PolicyTables.Domain{i};");
                w.Line($"var y{i} = -1;");
                w.Line($"var u{i} = false;");
            }
        }

        foreach (var b in folded is null ? rules : [])
        {
            var applies = locals.Applies(b);
            var userWaived = locals.UserWaived(b);
            var narrow = $"s{i} = {Lattice}.Narrow(s{i}, PolicyTables.Bound{b.Index}, {b.Index}, ref x{i});";
            string? relaxed = null;
            if (waivable)
            {
                relaxed = userWaived.Length > 0
                    ? $"if ({userWaived}) u{i} = true; else r{i} = {Lattice}.Narrow(r{i}, PolicyTables.Bound{b.Index}, {b.Index}, ref y{i});"
                    : $"r{i} = {Lattice}.Narrow(r{i}, PolicyTables.Bound{b.Index}, {b.Index}, ref y{i});";
            }

            if (applies.Length == 0)
            {
                w.Line(narrow);
                if (relaxed is not null)
                {
                    w.Line(relaxed);
                }
            }
            else
            {
                using (w.Block($"if ({applies})"))
                {
                    w.Line(narrow);
                    if (relaxed is not null)
                    {
                        w.Line(relaxed);
                    }
                }
            }
        }

        w.Line($"{Value} g{i};");
        if (contradicts)
        {
            using (w.Block($"if (x{i} >= 0)"))
            {
                w.Line($"g{i} = {Lattice}.Strictest(s{i}, {strict});");
                w.Line($"{Support}.Adjust(ref adjustments, ref count, PolicyTables.Registry, {i}, global::PolicyAsCode.AdjustmentCause.Contradiction, v{i}, g{i}, x{i});");
            }
        }

        using (w.Block($"{(contradicts ? "else if" : "if")} (!ok{i})"))
        {
            w.Line($"g{i} = {Lattice}.Strictest(s{i}, {strict});");
            if (rules.Count == 0)
            {
                w.Line($"{Support}.Adjust(ref adjustments, ref count, PolicyTables.Registry, {i}, global::PolicyAsCode.AdjustmentCause.FailedClosed, v{i}, g{i}, -1);");
            }
            else
            {
                // Cite the first applicable bound whose own strictest value was granted, else the first applicable bound.
                w.Line($"var cite{i} = -1;");
                var first = true;
                foreach (var b in rules)
                {
                    var applies = locals.Applies(b);
                    var test = (applies.Length > 0 ? applies + " && " : string.Empty) + $"PolicyTables.Strictest{b.Index} == g{i}";
                    w.Line($"{(first ? "if" : "else if")} ({test}) cite{i} = {b.Index};");
                    first = false;
                }

                foreach (var b in rules)
                {
                    var applies = locals.Applies(b);
                    w.Line(applies.Length > 0 ? $"else if ({applies}) cite{i} = {b.Index};" : $"else cite{i} = {b.Index};");
                    if (applies.Length == 0)
                    {
                        break;
                    }
                }

                w.Line($"{Support}.Adjust(ref adjustments, ref count, PolicyTables.Registry, {i}, global::PolicyAsCode.AdjustmentCause.FailedClosed, v{i}, g{i}, cite{i});");
            }
        }

        using (w.Block($"else if ({Lattice}.Contains(s{i}, v{i}))"))
        {
            w.Line($"g{i} = v{i};");
        }

        using (w.Block("else"))
        {
            var waive = waivable ? $"waive{i}" : "false";
            if (waivable)
            {
                w.Line($"var waive{i} = u{i} && {Lattice}.Contains(r{i}, v{i});");
                w.Line($"g{i} = waive{i} ? v{i} : {Lattice}.Clamp(u{i} ? r{i} : s{i}, v{i}, {strict});");
            }
            else
            {
                w.Line($"g{i} = {Lattice}.Clamp(s{i}, v{i}, {strict});");
            }

            w.Line($"var cite{i} = -1;");
            var first = true;
            var emitted = new System.Collections.Generic.HashSet<string>(System.StringComparer.Ordinal);
            foreach (var b in rules)
            {
                var tests = new System.Collections.Generic.List<string>();
                var applies = locals.Applies(b);
                if (applies.Length > 0)
                {
                    tests.Add(applies);
                }

                // The value is readable here, so the bound's membership test folds into constants too.
                var within = Within(d, b.Bound, d.Domain, $"v{i}");
                if (within.Length == 0)
                {
                    continue; // the bound holds every readable value, so it is never the one broken
                }

                tests.Add($"!({within})");
                if (waivable)
                {
                    var userWaived = locals.UserWaived(b);
                    tests.Add(userWaived.Length > 0 ? $"{waive} == {userWaived}" : $"!{waive}");
                }

                var test = string.Join(" && ", tests);
                if (!emitted.Add(test))
                {
                    continue; // the same test as an earlier bound's, which is cited first: this branch could never run
                }

                w.Line($"{(first ? "if" : "else if")} ({test}) cite{i} = {b.Index};");
                first = false;
            }

            var cause = waivable
                ? $"{waive} ? global::PolicyAsCode.AdjustmentCause.Waived : global::PolicyAsCode.AdjustmentCause.Clamped"
                : "global::PolicyAsCode.AdjustmentCause.Clamped";
            w.Line($"{Support}.Adjust(ref adjustments, ref count, PolicyTables.Registry, {i}, {cause}, v{i}, g{i}, cite{i});");
        }

        w.Line($"return g{i};");
    }

    private static string InDomain(DimensionModel d, string value) => d.Kind switch
    {
        DimensionKind.Real => $" && double.IsFinite({value}.Number)",
        DimensionKind.Ordinal or DimensionKind.Choice => $" && {value}.Bits < {MaxMembers}UL",
        DimensionKind.Set => $" && ({value}.Bits & {Literals.ULong(~d.Domain.Ceiling)}) == 0UL",
        _ => string.Empty,
    };

    private static void EmitDecide(SourceWriter writer, string self)
    {
        writer.Line("/// <summary>Decides on content showing the detected hazards. Allocates nothing.</summary>");
        using var _ = writer.Block($"public static global::PolicyAsCode.Decision Decide(in global::PolicyAsCode.Resolution<{self}> resolution, global::PolicyAsCode.Hazard detected)");
        using (writer.Block("if ((detected & (resolution.Forbidden | PolicyTables.UnknownHazards)) == global::PolicyAsCode.Hazard.None && resolution.IsResolved)"))
        {
            writer.Line("return global::PolicyAsCode.Decision.Allow;");
        }

        writer.Line();
        writer.Line("return PolicyTables.Refuse(in resolution, detected);");
    }

    private static void EmitTables(SourceWriter writer, PolicyModel policy, EvaluatorLocals scope)
    {
        var self = policy.UserTier.Qualified;
        writer.Line($"/// <summary>The constant tables of {policy.UserTier.Name}'s evaluator.</summary>");
        using var _ = writer.Block("file static class PolicyTables");
        TableHelpers.Emit(writer);
        RegistryEmitter.Emit(writer, policy);
        writer.Line();

        var known = HazardMasks.Known(policy);
        writer.Line($"public const global::PolicyAsCode.Hazard UnknownHazards = {Literals.Hazard(~known)};");
        writer.Line();
        foreach (var d in policy.Dimensions)
        {
            writer.Line($"public static readonly global::PolicyAsCode.Bound Domain{d.Index} = {Literals.Bound(d.Domain)};");
        }

        foreach (var b in policy.Bounds)
        {
            writer.Line($"public static readonly global::PolicyAsCode.Bound Bound{b.Index} = {Literals.Bound(b.Bound)};");
        }

        foreach (var b in policy.Bounds)
        {
            var strict = policy.Dimensions[b.Dimension].HigherIsStricter ? "true" : "false";
            writer.Line($"public static readonly global::PolicyAsCode.DimensionValue Strictest{b.Index} = global::PolicyAsCode.Lattice.Strictest(Bound{b.Index}, {strict});");
        }

        EmitFoldedTables(writer, policy, scope);
        foreach (var f in policy.Forbids)
        {
            writer.Line($"public static readonly global::PolicyAsCode.ForbidRule Forbid{f.Index} = Registry.Forbids[{f.Index}];");
            writer.Line($"public static readonly global::PolicyAsCode.TierInfo ForbidTier{f.Index} = Registry.Tiers[{f.Tier}];");
        }

        writer.Line();
        using (writer.Block("public static int MatchJurisdiction(string? jurisdiction)"))
        {
            var jurisdictions = policy.Jurisdictions;
            for (var j = 0; j < jurisdictions.Count; j++)
            {
                writer.Line($"if (string.Equals(jurisdiction, {Literals.String(jurisdictions[j])}, global::System.StringComparison.OrdinalIgnoreCase)) return {j};");
            }

            writer.Line("return -1;");
        }

        writer.Line();
        using (writer.Block($"public static global::PolicyAsCode.Decision Refuse(in global::PolicyAsCode.Resolution<{self}> resolution, global::PolicyAsCode.Hazard detected)"))
        {
            writer.Line("if (!resolution.IsResolved) return global::PolicyAsCode.Decision.RefuseUnresolved(detected);");
            writer.Line("var unknown = detected & UnknownHazards;");
            writer.Line("if (unknown != global::PolicyAsCode.Hazard.None) return global::PolicyAsCode.Decision.RefuseUnknown(unknown);");
            writer.Line("var active = resolution.ActiveForbids;");
            foreach (var f in policy.Forbids)
            {
                var hit = f.IsUsersOwn ? "detected & resolution.Forbidden" : $"detected & {Literals.Hazard(f.Hazards)}";
                writer.Line($"if ((active & {Literals.ULong(1UL << f.Index)}) != 0UL && ({hit}) != global::PolicyAsCode.Hazard.None) return global::PolicyAsCode.Decision.Refuse(Forbid{f.Index}, ForbidTier{f.Index}, {hit});");
            }

            writer.Line("return global::PolicyAsCode.Decision.RefuseUnresolved(detected);");
        }

        EmitInside(writer, policy, scope, self);
        EmitResolveMoved(writer, policy, scope, self);
        foreach (var d in policy.Dimensions)
        {
            EmitDimension(writer, policy, d, scope);
        }

        EmitForbidden(writer, policy, scope);
        foreach (var d in policy.Dimensions)
        {
            writer.Line();
            EmitCodec(writer, d);
        }

        EmitScope(writer, scope);
    }

    private static bool IsContiguous(DimensionModel d)
    {
        for (var p = 0; p < d.Members.Count; p++)
        {
            if (d.Members[p].Value != p)
            {
                return false;
            }
        }

        return true;
    }

    private static void EmitCodec(SourceWriter writer, DimensionModel d)
    {
        var i = d.Index;
        switch (d.Kind)
        {
            case DimensionKind.Boolean:
                writer.Line($"public static {Value} Encode{i}(bool value) => {Value}.OfPosition(value ? 1 : 0);");
                writer.Line($"public static bool Decode{i}({Value} value) => value.Bits != 0UL;");
                break;
            case DimensionKind.Integer:
                writer.Line($"public static {Value} Encode{i}(int value) => {Value}.OfNumber(value);");
                writer.Line($"public static int Decode{i}({Value} value) => double.IsNaN(value.Number) ? 0 : (int)global::System.Math.Clamp(value.Number, int.MinValue, int.MaxValue);");
                break;
            case DimensionKind.Real:
                writer.Line($"public static {Value} Encode{i}(double value) => {Value}.OfNumber(value);");
                writer.Line($"public static double Decode{i}({Value} value) => value.Number;");
                break;
            case DimensionKind.Set:
                writer.Line($"public static {Value} Encode{i}({d.TypeSyntax} value) => {Value}.OfMask(unchecked((ulong)(long)value));");
                writer.Line($"public static {d.TypeSyntax} Decode{i}({Value} value) => unchecked(({d.TypeSyntax})(long)value.Bits);");
                break;
            case DimensionKind.Ordinal when IsContiguous(d):
                // Members valued 0, 1, 2, ... in order: the position is the value, with no switch to jump through.
                writer.Line($"public static {Value} Encode{i}({d.TypeSyntax} value) => {Value}.OfPosition(unchecked((ulong)(long)value) < {d.Members.Count}UL ? (int)(long)value : {MaxMembers});");
                writer.Line($"public static {d.TypeSyntax} Decode{i}({Value} value) => value.Bits < {d.Members.Count}UL ? unchecked(({d.TypeSyntax})(long)value.Bits) : unchecked({Literals.Cast(d.TypeSyntax, Literals.Long(d.UndefinedValue))});");
                break;
            case DimensionKind.Ordinal:
                using (writer.Block($"public static {Value} Encode{i}({d.TypeSyntax} value)"))
                {
                    using (writer.Block("switch (unchecked((long)value))"))
                    {
                        for (var p = 0; p < d.Members.Count; p++)
                        {
                            writer.Line($"case {Literals.Long(d.Members[p].Value)}: return {Value}.OfPosition({p});");
                        }

                        writer.Line($"default: return {Value}.OfPosition({MaxMembers});");
                    }
                }

                using (writer.Block($"public static {d.TypeSyntax} Decode{i}({Value} value)"))
                {
                    using (writer.Block("switch (value.Bits)"))
                    {
                        for (var p = 0; p < d.Members.Count; p++)
                        {
                            writer.Line($"case {p}UL: return unchecked({Literals.Cast(d.TypeSyntax, Literals.Long(d.Members[p].Value))});");
                        }

                        writer.Line($"default: return unchecked({Literals.Cast(d.TypeSyntax, Literals.Long(d.UndefinedValue))});");
                    }
                }

                break;
            case DimensionKind.Choice:
                using (writer.Block($"public static {Value} Encode{i}(string? value)"))
                {
                    using (writer.Block("switch (value)"))
                    {
                        for (var p = 0; p < d.Members.Count; p++)
                        {
                            writer.Line($"case {Literals.String(d.Members[p].Name)}: return {Value}.OfPosition({p});");
                        }

                        writer.Line($"default: return {Value}.OfPosition({MaxMembers});");
                    }
                }

                using (writer.Block($"public static string Decode{i}({Value} value)"))
                {
                    using (writer.Block("switch (value.Bits)"))
                    {
                        for (var p = 0; p < d.Members.Count; p++)
                        {
                            writer.Line($"case {p}UL: return {Literals.String(d.Members[p].Name)};");
                        }

                        writer.Line("default: return null!;");
                    }
                }

                break;
        }
    }
}
