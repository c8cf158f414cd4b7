using System.Linq;
using PolicyAsCode.Generators.Planning;

namespace PolicyAsCode.Generators.Emitting;

/// <summary>
/// Prints <c>MatchJurisdiction</c>: the index of the policy's jurisdiction a request names, ignoring case, or -1. With
/// <see cref="JurisdictionKeys"/> it reads the request's code by its length and compares whole words, adding up which
/// candidate matched without a jump per candidate (which one matches varies request by request, and a jump on it
/// would be mispredicted); otherwise it compares text, candidate by candidate.
/// </summary>
internal static class JurisdictionEmitter
{
    private const string Memory = "global::System.Runtime.InteropServices.MemoryMarshal";
    private const string ToByte = EvaluatorEmitter.ToByte;

    public static void Emit(SourceWriter w, EvaluatorPlan plan)
    {
        var jurisdictions = plan.Policy.Jurisdictions;
        using var _ = w.Block("public static int MatchJurisdiction(string? jurisdiction)");
        if (plan.JurisdictionKeys is not { } keys)
        {
            for (var j = 0; j < jurisdictions.Count; j++)
            {
                w.Line($"if (string.Equals(jurisdiction, {Literals.String(jurisdictions[j])}, global::System.StringComparison.OrdinalIgnoreCase)) return {j};");
            }

            w.Line("return -1;");
            return;
        }

        if (keys.Lengths.Count == 0)
        {
            w.Line("return -1;");
            return;
        }

        // No code is empty, so an absent one reads as empty and matches none.
        w.Line("var code = global::System.MemoryExtensions.AsSpan(jurisdiction ?? string.Empty);");
        w.Line($"var units = {Memory}.AsBytes(code);");
        w.Line("return code.Length switch");
        w.Line("{");
        foreach (var length in keys.Lengths)
        {
            w.Line($"    {length.Length} => MatchJurisdiction{length.Length}(units),");
        }

        w.Line("    _ => -1,");
        w.Line("};");
    }

    // One method per length, whose words are read once and compared with every code of that length.
    public static void EmitLengths(SourceWriter w, EvaluatorPlan plan)
    {
        if (plan.JurisdictionKeys is not { } keys)
        {
            return;
        }

        foreach (var length in keys.Lengths)
        {
            w.Line();
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
            using var _ = w.Block($"private static int MatchJurisdiction{length.Length}(global::System.ReadOnlySpan<byte> units)");
            for (var k = 0; k < length.Words.Count; k++)
            {
                var (start, width) = length.Words[k];
                var type = width switch { 4 => "ulong", 2 => "uint", _ => "ushort" };
                w.Line($"var word{k} = (ulong){Memory}.Read<{type}>(units.Slice({2 * start}));");
            }

            var sum = length.Codes.Select(c =>
            {
                var words = c.Words.Select((word, k) => $"(word{k} | {Literals.ULong(word.Letters)}) == {Literals.ULong(word.Folded)}");
                return $"{ToByte}({string.Join(" & ", words)}) * {c.Index + 1}";
            });
            w.Line($"return {string.Join(" + ", sum)} - 1;");
        }
    }
}
