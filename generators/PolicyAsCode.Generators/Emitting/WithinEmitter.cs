using PolicyAsCode.Generators.Model;
using PolicyAsCode.Generators.Parsing;
using PolicyAsCode.Generators.Planning;

namespace PolicyAsCode.Generators.Emitting;

/// <summary>
/// Prints <c>ResolveWithin</c> on the user's record: the request resolved against what one context's bounds leave of
/// each dimension, given at run time (a <c>NarrowedContext</c> of <c>NarrowedDimension</c>s). An overlaid
/// <c>PolicySnapshot</c> keeps one per context, computed by the kernel the first time a request arrives in it, and
/// resolves with this method: each value is
/// read from its typed property once, tested as <c>Lattice.Contains</c> tests it (written out for the dimension's
/// kind) and granted as asked, or moved by its <c>NarrowedDimension</c> (a clamp inlined, or the interpreter's own
/// step); the effective record is copied from the request only when something moved, and the
/// resolution is built here, with the hazards the context's rules and the user's lists refuse.
/// </summary>
internal static class WithinEmitter
{
    private const string Value = "global::PolicyAsCode.DimensionValue";
    private const string Narrowed = "global::PolicyAsCode.Compiled.NarrowedDimension";
    private const string Recorder = "global::PolicyAsCode.Compiled.AdjustmentRecorder";

    public static void Emit(SourceWriter writer, PolicyModel policy, string self)
    {
        var count = policy.Dimensions.Count;
        writer.Line("/// <summary>Resolves the request against what one context's bounds leave of each dimension, in dimension order: a value within is granted as asked, any other is clamped as the interpreter clamps it, or resolved by its step; every granted value is written into <paramref name=\"values\"/>.</summary>");
        using var _ = writer.Block(
            $"static global::PolicyAsCode.Resolution<{self}> global::PolicyAsCode.IUserTierPolicy<{self}>.ResolveWithin({self}? requested, in global::PolicyAsCode.PolicyContext context, global::PolicyAsCode.DimensionSet unreadable, global::PolicyAsCode.Compiled.NarrowedContext narrowed, global::PolicyAsCode.IPolicyEncoding<{self}> encoding, global::System.Span<{Value}> values)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(narrowed);");
        writer.Line("var dimensions = narrowed.Dimensions;");
        writer.Line($"var adjusted = default({Recorder});");
        if (count == 0)
        {
            writer.Line($"var effective = requested ?? new {self}();");
        }
        else
        {
            // One range check for each span, before the first read, rather than one per dimension.
            writer.Line($"_ = dimensions[{count - 1}];");
            writer.Line($"_ = values[{count - 1}];");

            // The path a live service takes most: every value tested without a branch and no call, so nothing is kept
            // across one; a value that is not within sends the whole request, encoded, to the step below.
            writer.Line("var within = requested is not null && unreadable.IsEmpty;");
            using (writer.Block("if (within)"))
            {
                writer.Line($"{Value} value;");
                foreach (var d in policy.Dimensions)
                {
                    var i = d.Index;
                    writer.Line($"value = PolicyTables.Encode{i}(requested!.{CSharpNames.Escape(d.Name)});");
                    writer.Line($"values[{i}] = value;");
                    writer.Line($"within &= {Membership.WithinBoundAt(d.Kind, $"dimensions[{i}].Within", "value", "&")};");
                }
            }

            writer.Line();
            writer.Line("var effective = within ? requested! : Moved(requested, unreadable, dimensions, values, ref adjusted);");
        }

        // Built here rather than by the snapshot's shared generic code, so that it is written in place as the
        // compiled evaluator writes its own.
        writer.Line("var forbidden = narrowed.Forbids(values, out var active);");
        writer.Line($"return new global::PolicyAsCode.Resolution<{self}>(encoding, requested, in context, effective, adjusted.ToAdjustedDimensions(), forbidden, active, narrowed.Jurisdiction);");
        if (count == 0)
        {
            return;
        }

        writer.Line();
        EmitMoved(writer, policy, self);
    }

    // Each value in turn (a readable request's as the first pass encoded it): granted as asked when within, else
    // moved by NarrowedDimension (a typed clamp, or the interpreter's step); one local for every value and one for
    // whether it was asked, so that a policy of thousands of dimensions still gives the JIT a method it optimises. The
    // record is copied from the request only when something moved.
    private static void EmitMoved(SourceWriter writer, PolicyModel policy, string self)
    {
        using var _ = writer.Block(
            $"static {self} Moved({self}? requested, global::PolicyAsCode.DimensionSet unreadable, global::System.ReadOnlySpan<{Narrowed}> dimensions, global::System.Span<{Value}> values, ref {Recorder} adjusted)");
        writer.Line("var readAll = requested is not null;");
        writer.Line("var plain = readAll && unreadable.IsEmpty;");
        writer.Line($"var source = requested ?? new {self}();");
        writer.Line($"{Value} value;");
        writer.Line("bool asked;");
        foreach (var d in policy.Dimensions)
        {
            var i = d.Index;
            writer.Line($"value = plain ? values[{i}] : PolicyTables.Encode{i}(source.{CSharpNames.Escape(d.Name)});");
            writer.Line($"asked = plain || (readAll && !unreadable.Contains({i}));");
            writer.Line($"values[{i}] = asked && {Membership.WithinBoundAt(d.Kind, $"dimensions[{i}].Within", "value", "&&")} ? value : dimensions[{i}].Move(value, asked, ref adjusted);");
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
