namespace PolicyAsCode.Generators.Emitting;

/// <summary>
/// Short constructors at the top of <c>PolicyTables</c>, so that the registry and the bound tables, which hold a few
/// hundred bounds and taxonomy links in a large policy, spell each in tens of characters rather than a hundred: every
/// character emitted is parsed and read by every analyser in the build (<see cref="Literals.Bound"/> calls them).
/// </summary>
internal static class TableHelpers
{
    private const string Bound = "global::PolicyAsCode.Bound";
    private const string Immutable = "global::System.Collections.Immutable.ImmutableArray";

    /// <summary>The helpers; the taxonomy links' only for a registry constructed in C# (<paramref name="links"/>).</summary>
    public static void Emit(SourceWriter writer, bool links)
    {
        foreach (var kind in new[] { "Integer", "Real" })
        {
            writer.Line($"private static {Bound} {kind}Bound(double lo, double hi) => new {Bound}(global::PolicyAsCode.DimensionKind.{kind}, lo, hi, 0UL, 0UL);");
        }

        foreach (var kind in new[] { "Boolean", "Ordinal", "Choice", "Set" })
        {
            writer.Line($"private static {Bound} {kind}Bound(ulong floor, ulong ceiling) => new {Bound}(global::PolicyAsCode.DimensionKind.{kind}, 0d, 0d, floor, ceiling);");
        }

        foreach (var link in links ? new[] { "Benefit", "Risk" } : [])
        {
            writer.Line($"private static {Immutable}<global::PolicyAsCode.{link}> {link}s(params int[] links)");
            writer.Line("{");
            writer.Line($"    var builder = {Immutable}.CreateBuilder<global::PolicyAsCode.{link}>(links.Length);");
            writer.Line("    foreach (var link in links)");
            writer.Line("    {");
            writer.Line($"        builder.Add((global::PolicyAsCode.{link})link);");
            writer.Line("    }");
            writer.Line();
            writer.Line("    return builder.MoveToImmutable();");
            writer.Line("}");
            writer.Line();
        }
    }
}
