using System.Linq;
using PolicyAsCode.Generators.Model;
using PolicyAsCode.Generators.Parsing;
using PolicyAsCode.Generators.Planning;

namespace PolicyAsCode.Generators.Emitting;

/// <summary>
/// Prints <c>ResolveWithin</c> on the user's record: the request resolved against what one context's bounds leave of
/// each dimension, given at run time (a <c>NarrowedContext</c> of <c>NarrowedDimension</c>s). An overlaid
/// <c>PolicySnapshot</c> keeps one per context, computed by the kernel the first time a request arrives in it, and
/// resolves with this method. A first pass reads each value as the compiled fast path does (<see cref="TypedRead"/>)
/// and tests it against the kept bound (<c>PackedBound</c>) as <c>Lattice.Contains</c> tests it, returning at the
/// first value that is not within; when all are, the request is the effective record. Otherwise the step encodes each
/// value and grants it as asked or moves it by its <c>NarrowedDimension</c> (a clamp inlined, or the interpreter's own
/// step), and the record is copied from the request. The resolution is built here, with the hazards the context's rules
/// and the user's lists refuse.
/// </summary>
internal static class WithinEmitter
{
    private const string Value = "global::PolicyAsCode.DimensionValue";
    private const string Narrowed = "global::PolicyAsCode.Compiled.NarrowedDimension";
    private const string Bound = "global::PolicyAsCode.Compiled.PackedBound";
    private const string Recorder = "global::PolicyAsCode.Compiled.AdjustmentRecorder";

    public static void Emit(SourceWriter writer, EvaluatorPlan plan, string self)
    {
        var policy = plan.Policy;
        var count = policy.Dimensions.Count;
        writer.Line("/// <summary>Resolves the request against what one context's bounds leave of each dimension, in dimension order: a value within is granted as asked, any other is clamped as the interpreter clamps it, or resolved by its step; every granted value is written into <paramref name=\"values\"/>.</summary>");
        using var _ = writer.Block(
            $"static global::PolicyAsCode.Resolution<{self}> global::PolicyAsCode.IUserTierPolicy<{self}>.ResolveWithin({self}? requested, in global::PolicyAsCode.PolicyContext context, global::PolicyAsCode.DimensionSet unreadable, global::PolicyAsCode.Compiled.NarrowedContext narrowed, global::PolicyAsCode.IPolicyEncoding<{self}> encoding, global::System.Span<{Value}> values)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(narrowed);");
        writer.Line("var dimensions = narrowed.Dimensions;");
        writer.Line("var bounds = narrowed.Within;");
        writer.Line($"var adjusted = default({Recorder});");
        if (count == 0)
        {
            writer.Line($"var effective = requested ?? new {self}();");
        }
        else
        {
            // The path a live service takes most: every value tested, with no call, so nothing is kept across one; a
            // value that is not within sends the request to the step below, which encodes it again. Only the user's own
            // hazard lists are written here, for the refusals read below when nothing moved: writing every value was a
            // third of this pass at 1,000 dimensions.
            var passes = plan.Splits ? Enumerable.Range(0, plan.Chunks).Select(k => $"PolicyTables.Within{k}(requested!, bounds, values)") : new[] { "Within(requested!, bounds, values)" };
            writer.Line($"var within = requested is not null && unreadable.IsEmpty && {string.Join(" && ", passes)};");
            writer.Line("var effective = within ? requested! : Moved(requested, unreadable, dimensions, bounds, values, ref adjusted);");
        }

        // Built here rather than by the snapshot's shared generic code, so that it is written in place as the
        // compiled evaluator writes its own.
        writer.Line("var forbidden = narrowed.Forbids(values, out var active);");
        writer.Line($"return new global::PolicyAsCode.Resolution<{self}>(encoding, requested, in context, effective, adjusted.ToAdjustedDimensions(), forbidden, active, narrowed.Jurisdiction);");
        if (count == 0)
        {
            return;
        }

        if (!plan.Splits)
        {
            writer.Line();
            EmitWithin(writer, $"static bool Within({self} source, global::System.ReadOnlySpan<{Bound}> bounds, global::System.Span<{Value}> values)", plan.Dimensions, plan);
        }

        writer.Line();
        EmitMoved(writer, plan, self);
    }

    /// <summary>
    /// The methods of a split <c>ResolveWithin</c>, in <c>PolicyTables</c>: the first pass in chunks of
    /// <see cref="EvaluatorPlan.ChunkSize"/> dimensions, as the compiled fast path is (it keeps only a value and a flag,
    /// so a larger method still leaves the JIT room, and each call costs as much as a few dimensions), and the step in
    /// methods of <see cref="EvaluatorPlan.StepSize"/>.
    /// </summary>
    public static void EmitChunks(SourceWriter writer, EvaluatorPlan plan, string self)
    {
        if (!plan.Splits)
        {
            return;
        }

        for (var k = 0; k < plan.Chunks; k++)
        {
            writer.Line();
            EmitWithin(writer, $"public static bool Within{k}({self} source, global::System.ReadOnlySpan<{Bound}> bounds, global::System.Span<{Value}> values)", [.. plan.Chunk(k)], plan);
        }

        for (var k = 0; k < plan.Steps; k++)
        {
            var last = plan.Step(k).Last().Index;
            writer.Line();
            using (writer.Block($"public static void Moved{k}({self} source, bool plain, bool readAll, global::PolicyAsCode.DimensionSet unreadable, global::System.ReadOnlySpan<{Narrowed}> dimensions, global::System.ReadOnlySpan<{Bound}> bounds, global::System.Span<{Value}> values, ref {Recorder} adjusted)"))
            {
                writer.Line($"_ = dimensions[{last}];");
                writer.Line($"_ = bounds[{last}];");
                writer.Line($"_ = values[{last}];");
                writer.Line($"{Value} value;");
                writer.Line("bool asked;");
                foreach (var d in plan.Step(k))
                {
                    MovedLines(writer, d.Dimension);
                }
            }
        }
    }

    // The first pass over one dimension: read as the compiled fast path reads it (typed where that is exact, so
    // nothing is encoded and nothing left for the inliner), of its type, and within the kept bound; the first value
    // that is not returns false at once, as the compiled fast path does (a request that moves mispredicts there once;
    // one that does not takes branches the processor predicts, cheaper than joining every test). One of the user's
    // own hazard lists is encoded and kept instead, for the refusals.
    private static void WithinLines(SourceWriter writer, DimensionPlan d, EvaluatorPlan plan)
    {
        var i = d.Index;
        if (plan.OwnLists.Contains(i))
        {
            writer.Line($"{Value} value{i} = PolicyTables.Encode{i}(source.{CSharpNames.Escape(d.Dimension.Name)});");
            writer.Line($"values[{i}] = value{i};");
            writer.Line($"if (!({Membership.WithinBoundAt(d.Dimension.Kind, $"bounds[{i}]", ValueAccess.Encoded("value" + i), "&&")})) return false;");
            return;
        }

        writer.Line(d.Read.Declaration);
        writer.Line($"if (!({Membership.OfTypeAndWithinBoundAt(d.Dimension.Kind, $"bounds[{i}]", d.Read, "&&")})) return false;");
    }

    // The first pass over some dimensions, in a method of its own: whether every value is within.
    private static void EmitWithin(SourceWriter writer, string header, System.Collections.Generic.IReadOnlyList<DimensionPlan> dimensions, EvaluatorPlan plan)
    {
        // One range check for each span, before the first read, rather than one per dimension.
        var last = dimensions[dimensions.Count - 1].Index;
        using (writer.Block(header))
        {
            writer.Line($"_ = bounds[{last}];");
            if (dimensions.Any(d => plan.OwnLists.Contains(d.Index)))
            {
                writer.Line($"_ = values[{last}];");
            }

            foreach (var d in dimensions)
            {
                WithinLines(writer, d, plan);
            }

            writer.Line("return true;");
        }
    }

    // The step for one dimension: granted as asked when within, else moved by its NarrowedDimension.
    private static void MovedLines(SourceWriter writer, DimensionModel d)
    {
        var i = d.Index;
        writer.Line($"value = PolicyTables.Encode{i}(source.{CSharpNames.Escape(d.Name)});");
        writer.Line($"asked = plain || (readAll && !unreadable.Contains({i}));");
        var domain = Membership.InDomain(d, ValueAccess.Encoded("value"));
        var readable = domain.IsAlways ? "asked" : $"asked && {domain}";
        var move = d.Kind switch
        {
            DimensionKind.Integer or DimensionKind.Real => "MoveNumber",
            DimensionKind.Set => "MoveMask",
            _ => "MovePosition",
        };
        writer.Line($"values[{i}] = asked && {Membership.WithinBoundAt(d.Kind, $"bounds[{i}]", "value", "&&")} ? value : dimensions[{i}].{move}(value, {readable}, ref adjusted);");
    }

    // Each value in turn, encoded from the request (or the defaults): granted as asked when within, else moved by its
    // kind's NarrowedDimension move (a clamp inlined, or the interpreter's own step); one local for every value and one for
    // whether it was asked, and above EvaluatorPlan.SplitAbove dimensions a method for each chunk, so that a policy of
    // thousands of dimensions still gives the JIT methods it optimises. The record is copied from the request only when
    // something moved.
    private static void EmitMoved(SourceWriter writer, EvaluatorPlan plan, string self)
    {
        var policy = plan.Policy;
        using var _ = writer.Block(
            $"static {self} Moved({self}? requested, global::PolicyAsCode.DimensionSet unreadable, global::System.ReadOnlySpan<{Narrowed}> dimensions, global::System.ReadOnlySpan<{Bound}> bounds, global::System.Span<{Value}> values, ref {Recorder} adjusted)");
        writer.Line("var readAll = requested is not null;");
        writer.Line("var plain = readAll && unreadable.IsEmpty;");
        writer.Line($"var source = requested ?? new {self}();");
        if (plan.Splits)
        {
            for (var k = 0; k < plan.Steps; k++)
            {
                writer.Line($"PolicyTables.Moved{k}(source, plain, readAll, unreadable, dimensions, bounds, values, ref adjusted);");
            }
        }
        else
        {
            writer.Line($"{Value} value;");
            writer.Line("bool asked;");
            foreach (var d in policy.Dimensions)
            {
                MovedLines(writer, d);
            }
        }

        using (writer.Block("if (readAll && adjusted.IsEmpty)"))
        {
            writer.Line("return source;");
        }

        writer.Line();
        writer.Line("return source with");
        writer.Line("{");
        foreach (var d in policy.Dimensions)
        {
            writer.Line($"    {CSharpNames.Escape(d.Name)} = PolicyTables.Decode{d.Index}(values[{d.Index}]),");
        }

        writer.Line("};");
    }
}
