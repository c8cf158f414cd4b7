using System.Collections.Generic;
using System.Linq;
using PolicyAsCode.Generators.Model;
using PolicyAsCode.Generators.Parsing;
using PolicyAsCode.Generators.Planning;

namespace PolicyAsCode.Generators.Emitting;

/// <summary>
/// Prints the compiled evaluator of one policy from its <see cref="EvaluatorPlan"/>: straight-line code with every bound
/// a constant, no reflection, no LINQ, and one allocation, the effective record, only for a resolution that adjusts something. This file prints
/// the members on the user's record; the other parts print <c>PolicyTables</c> and the resolution, and
/// <see cref="GateEmitter"/> the scope and the answers without a resolution.
/// </summary>
internal static partial class EvaluatorEmitter
{
    // The runtime names the generated code spells out, shared with the gate and the jurisdiction match.
    internal const string Lattice = "global::PolicyAsCode.Lattice";
    internal const string Value = "global::PolicyAsCode.DimensionValue";
    internal const string Support = "global::PolicyAsCode.Compiled.EvaluatorSupport";
    internal const string Recorder = "global::PolicyAsCode.Compiled.AdjustmentRecorder";

    // A bool as 0 or 1, which the JIT computes with a flag rather than a jump.
    internal const string ToByte = "global::System.Runtime.CompilerServices.Unsafe.BitCast<bool, byte>";

    public static string Emit(PolicyModel policy)
    {
        var plan = EvaluatorPlan.Build(policy);
        return GeneratedFile.Write(policy, writer => EmitRecord(writer, plan), writer => EmitTables(writer, plan));
    }

    private static void EmitRecord(SourceWriter writer, EvaluatorPlan plan)
    {
        var policy = plan.Policy;
        var self = policy.UserTier.Qualified;
        writer.Line($"/// <summary>The compiled evaluator of the policy whose user tier is {policy.UserTier.Name}.</summary>");
        writer.Line(GeneratedFile.GeneratedCode);
        RegistryDataEmitter.WriteAttribute(writer, plan.RegistryData);
        writer.Open($"partial record {CSharpNames.Escape(policy.UserTier.Name)} : global::PolicyAsCode.IUserTierPolicy<{self}>");

        writer.Line("/// <summary>The policy as data: tiers, jurisdictions, dimensions, bounds, conditions, waivers, defaults and taxonomy links.</summary>");
        writer.Line("public static global::PolicyAsCode.PolicyRegistry Registry => PolicyTables.Registry;");
        writer.Line();
        EmitDefaults(writer, plan.Defaults, self);
        writer.Line();
        writer.Line("/// <summary>Resolves requested preferences in a context: every value clamped into the applicable bounds, each move explained.</summary>");
        writer.Line($"public static global::PolicyAsCode.Resolution<{self}> Resolve({self}? requested, in global::PolicyAsCode.PolicyContext context) => Resolve(requested, in context, default);");
        writer.Line();
        EmitResolve(writer, plan, self);
        writer.Line();
        EmitDecide(writer, self);
        writer.Line();
        GateEmitter.Emit(writer, plan, self);
        writer.Line();
        writer.Line("/// <summary>The preferences' values, encoded on their dimensions' lattices, in dimension order.</summary>");
        using (writer.Block($"public static {Value}[] Encode({self} preferences)"))
        {
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(preferences);");
            Braced(writer, $"return new {Value}[]", policy.Dimensions.Select(d => $"PolicyTables.Encode{d.Index}(preferences.{CSharpNames.Escape(d.Name)}),"));
        }

        writer.Line();
        WithinEmitter.Emit(writer, plan, self);
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
            writer.Line($"{Support}.MarkFirst(given, values.Length);");
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

    private static void EmitDefaults(SourceWriter writer, DefaultsPlan plan, string self)
    {
        writer.Line("/// <summary>The preferences a user starts from in a context: the user tier's initialisers, else the nearest tier's default.</summary>");
        using var _ = writer.Block($"public static {self} Defaults(in global::PolicyAsCode.PolicyContext context)");
        if (plan.Dimensions.Count == 0)
        {
            writer.Line($"return new {self}();");
            return;
        }

        if (plan.Scope.UsesJurisdiction)
        {
            writer.Line("var jurisdiction = PolicyTables.MatchJurisdiction(context.Jurisdiction);");
        }

        foreach (var test in plan.Scope.Declared)
        {
            writer.Line($"var {test.Local} = {test.Expression};");
        }

        writer.Line($"var template = new {self}();");
        Braced(writer, "return template with", plan.Dimensions.Select(entry =>
        {
            var (d, candidates) = entry;
            var expression = $"template.{CSharpNames.Escape(d.Name)}";
            for (var i = candidates.Count - 1; i >= 0; i--)
            {
                var value = $"PolicyTables.Decode{d.Index}({Literals.Value(d.Kind, candidates[i].Value)})";
                expression = candidates[i].Applies.IsAlways ? value : $"{candidates[i].Applies} ? {value} : {expression}";
            }

            return $"{CSharpNames.Escape(d.Name)} = {expression},";
        }));
    }

    // Resolve checks, dimension by dimension, whether the requested value is readable and inside every bound that
    // applies, with each test folded into constants at build time (PolicyTables.Inside0, Inside1, ...). That is true
    // exactly when the dimension resolves to the value as asked with no adjustment, so when it holds for every
    // dimension Resolve returns the request itself and allocates nothing. Otherwise PolicyTables.ResolveMoved runs
    // the full algorithm of docs/semantics.md for the dimensions that failed the test (PolicyTables.Resolve0, ...).
    // Keeping each piece in its own small method keeps every method small enough for the JIT to optimise, whatever
    // the number of dimensions.
    private static void EmitResolve(SourceWriter writer, EvaluatorPlan plan, string self)
    {
        writer.Line("/// <summary>Resolves requested preferences in a context; values listed in <paramref name=\"unreadable\"/> resolve fail-closed.</summary>");
        using var _ = writer.Block($"public static global::PolicyAsCode.Resolution<{self}> Resolve({self}? requested, in global::PolicyAsCode.PolicyContext context, global::PolicyAsCode.DimensionSet unreadable)");
        writer.Line("var readAll = requested is not null;");
        writer.Line($"var source = requested ?? new {self}();");
        writer.Line("var scope = new PolicyScope(in context);");
        if (plan.Chunks > 0)
        {
            var inside = Test.All(Enumerable.Range(0, plan.Chunks).Select(k => Test.Name($"PolicyTables.Inside{k}(source, readAll, unreadable, in scope)")));
            using (writer.Block($"if ({inside.Not()})"))
            {
                writer.Line("return PolicyTables.ResolveMoved(source, readAll, unreadable, in context, in scope);");
            }

            writer.Line();
        }

        var own = plan.OwnLists.Select(d => $"PolicyTables.Encode{d}(source.{CSharpNames.Escape(plan.Policy.Dimensions[d].Name)}), ");
        writer.Line($"var forbidden = PolicyTables.Forbidden(in scope, {string.Concat(own)}out var active);");
        writer.Line($"return {NewResolution(self, "source", "source", "default")};");
    }

    // A resolution keeps the request, the context and the compiled policy, from which it explains itself when asked.
    private static string NewResolution(string self, string requested, string effective, string adjusted) =>
        $"new global::PolicyAsCode.Resolution<{self}>(global::PolicyAsCode.PolicyEncoding<{self}>.Compiled, {requested}, in context, {effective}, {adjusted}, forbidden, active, scope.Jurisdiction)";

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
}
