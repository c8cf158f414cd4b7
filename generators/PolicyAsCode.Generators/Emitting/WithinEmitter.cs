using PolicyAsCode.Generators.Model;
using PolicyAsCode.Generators.Parsing;

namespace PolicyAsCode.Generators.Emitting;

/// <summary>
/// Prints <c>EncodeWithin</c> on the user's record: every value encoded into a span, and whether each lies within a
/// bound given at run time, tested as <c>Lattice.Contains</c> tests it, written out for the dimension's kind. An
/// overlaid <c>PolicySnapshot</c> resolves with it: the bounds are the overlaid policy's for the request's context,
/// computed once per context when the overlay is swapped in, so a request is read by typed code in one pass.
/// </summary>
internal static class WithinEmitter
{
    private const string Value = "global::PolicyAsCode.DimensionValue";

    public static void Emit(SourceWriter writer, PolicyModel policy, string self)
    {
        var count = policy.Dimensions.Count;
        writer.Line("/// <summary>Encodes every value into <paramref name=\"values\"/>, in dimension order, and says whether each lies within its bound in <paramref name=\"bounds\"/>.</summary>");
        using var _ = writer.Block($"public static bool EncodeWithin({self} preferences, global::System.ReadOnlySpan<global::PolicyAsCode.Bound> bounds, global::System.Span<{Value}> values)");
        writer.Line("global::System.ArgumentNullException.ThrowIfNull(preferences);");
        if (count == 0)
        {
            writer.Line("return true;");
            return;
        }

        // One range check for each span, before the first read, rather than one per dimension.
        writer.Line($"_ = bounds[{count - 1}];");
        writer.Line($"_ = values[{count - 1}];");
        writer.Line("var within = true;");
        foreach (var d in policy.Dimensions)
        {
            var i = d.Index;
            writer.Line($"var value{i} = PolicyTables.Encode{i}(preferences.{CSharpNames.Escape(d.Name)});");
            writer.Line($"values[{i}] = value{i};");
            writer.Line($"within &= {Contains(d.Kind, $"bounds[{i}]", $"value{i}")};");
        }

        writer.Line("return within;");
    }

    // Lattice.Contains for one kind: every value past the first failure is still encoded, so the caller has them all.
    private static string Contains(DimensionKind kind, string bound, string value) => kind switch
    {
        DimensionKind.Integer or DimensionKind.Real => $"{value}.Number >= {bound}.Lo && {value}.Number <= {bound}.Hi",
        DimensionKind.Set => $"({value}.Bits & {bound}.Floor) == {bound}.Floor && ({value}.Bits & ~{bound}.Ceiling) == 0UL",
        _ => $"{value}.Bits < {PolicyAsCode.Lattice.MaxMembers}UL && (({bound}.Ceiling >> (int){value}.Bits) & 1UL) != 0UL",
    };
}
