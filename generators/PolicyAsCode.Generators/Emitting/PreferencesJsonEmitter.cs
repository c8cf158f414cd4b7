using System.Collections.Generic;
using System.Linq;
using System.Text;
using PolicyAsCode.Generators.Model;
using PolicyAsCode.Generators.Parsing;
using PolicyAsCode.Json;

namespace PolicyAsCode.Generators.Emitting;

/// <summary>
/// Emits a user tier's preferences JSON reader and writer, in a file of their own: <c>ReadPreferences</c> and
/// <c>WritePreferences</c> on the record, and a file-local schema that matches names with UTF-8 literals. The walk,
/// the reading of each kind of value and the errors are the runtime's <c>PreferencesJsonSupport</c>, shared with the
/// registry-driven reader.
/// </summary>
internal static class PreferencesJsonEmitter
{
    private const string Json = "global::PolicyAsCode.Json";
    private const string Compiled = "global::PolicyAsCode.Compiled";
    private const string Span = "global::System.ReadOnlySpan<byte>";
    private const string Value = "global::PolicyAsCode.DimensionValue";
    private const string Schema = "PreferencesJsonSchema";
    private const string Inline = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";

    public static string HintSuffix => ".PreferencesJson.g.cs";

    public static string Emit(PolicyModel policy)
    {
        var self = policy.UserTier.Qualified;
        return GeneratedFile.Write(policy, writer => EmitMethods(writer, policy, self), writer => EmitSchema(writer, policy, self));
    }

    private static void EmitMethods(SourceWriter writer, PolicyModel policy, string self)
    {
        using (writer.Block($"partial record {CSharpNames.Escape(policy.UserTier.Name)}"))
        {
            writer.Line("/// <summary>");
            writer.Line("/// Reads untrusted preferences JSON (UTF-8): wrong types, values outside a dimension's domain, unknown and repeated");
            writer.Line("/// properties are reported with their paths, and the dimensions they touch are listed as unreadable, to resolve");
            writer.Line("/// fail-closed; dimensions left out hold their defaults for the context. Never throws for any input bytes.");
            writer.Line("/// </summary>");
            writer.Line(GeneratedFile.GeneratedCode);
            using (writer.Block($"public static {Json}.PreferencesReadResult<{self}> ReadPreferences(global::System.ReadOnlySpan<byte> utf8Json, in global::PolicyAsCode.PolicyContext context, {Json}.PreferencesReaderOptions? options = null)"))
            {
                writer.Line($"var schema = new {Schema}(in context);");
                writer.Line($"return {Compiled}.PreferencesFastPath.Read<{Schema}, {self}>(Registry, ref schema, utf8Json, options);");
            }

            writer.Line();
            writer.Line("/// <summary>Writes the preferences as a JSON document that <c>ReadPreferences</c> reads back unchanged.</summary>");
            writer.Line(GeneratedFile.GeneratedCode);
            writer.Line($"public static void WritePreferences(global::System.Text.Json.Utf8JsonWriter writer, {self} preferences) => {Json}.PreferencesJson.Write(writer, Registry, Encode(preferences));");
        }
    }

    private static void EmitSchema(SourceWriter writer, PolicyModel policy, string self)
    {
        writer.Line($"/// <summary>The JSON names of {policy.UserTier.Name}'s dimensions and members, as UTF-8.</summary>");
        writer.Line(GeneratedFile.GeneratedCode);
        using var _ = writer.Block($"file readonly struct {Schema} : {Compiled}.IPreferenceSchema<{self}>");
        writer.Line("private readonly global::PolicyAsCode.PolicyContext _context;");
        writer.Line();
        writer.Line($"public {Schema}(in global::PolicyAsCode.PolicyContext context) => _context = context;");
        writer.Line();
        using (writer.Block($"public int MatchProperty({Span} name)"))
        {
            EmitMatch(writer, "name", policy.Dimensions.Select(d => (PreferenceNames.JsonName(d.Name), d.Index)).ToList());
        }

        writer.Line();
        using (writer.Block($"public int MatchQuotedProperty({Span} rest, out int length)"))
        {
            EmitQuotedMatch(writer, policy.Dimensions.Select(d => (PreferenceNames.JsonName(d.Name), d.Index)).ToList());
        }

        var members = policy.Dimensions.Where(d => d.Kind is DimensionKind.Ordinal or DimensionKind.Choice or DimensionKind.Set).ToList();

        // Dimensions with the same members (of one enum type, or the same [Allowed] list) share one pair of matchers,
        // named after the first: a policy of many dimensions of a few types would otherwise repeat them for each.
        var matchers = members.GroupBy(MembersKey, System.StringComparer.Ordinal).ToList();
        var matcherOf = matchers.SelectMany(g => g.Select(d => (d.Index, First: g.First().Index))).ToDictionary(p => p.Index, p => p.First);
        writer.Line();
        writer.Line($"public int MatchQuotedMember(int dimension, {Span} rest, out int length)");
        writer.Line("{");
        writer.Line("    switch (dimension)");
        writer.Line("    {");
        foreach (var d in members)
        {
            writer.Line($"        case {d.Index}: return QuotedMember{matcherOf[d.Index]}(rest, out length);");
        }

        writer.Line("        default: length = 0; return -1;");
        writer.Line("    }");
        writer.Line("}");
        writer.Line();
        writer.Line($"public int MatchMember(int dimension, {Span} text) => dimension switch");
        writer.Line("{");
        foreach (var d in members)
        {
            writer.Line($"    {d.Index} => Member{matcherOf[d.Index]}(text),");
        }

        writer.Line("    _ => -1,");
        writer.Line("};");
        writer.Line();
        writer.Line($"public {self} Build(global::System.ReadOnlySpan<{Value}> values, global::System.ReadOnlySpan<ulong> given) =>");
        writer.Line(policy.Dimensions.Count == 0
            ? $"    {self}.Decode(values);"
            : $"    {GivenMask.All("given", policy.Dimensions.Count)} ? {self}.Decode(values) : {self}.Decode({self}.Defaults(in _context), values, given);");
        foreach (var matcher in matchers)
        {
            var d = matcher.First();
            var others = matcher.Count() - 1;
            writer.Line();
            writer.Line($"// {d.Name}{(others > 0 ? $" and {others} more with its members" : string.Empty)}: {d.Kind.ToString().ToLowerInvariant()}, {d.Members.Count} member(s)");
            using (writer.Block($"private static int Member{d.Index}({Span} text)"))
            {
                EmitMatch(writer, "text", d.Members.Select((m, i) => (m.Name, i)).ToList());
            }

            writer.Line();
            writer.Line(Inline);
            using (writer.Block($"private static int QuotedMember{d.Index}({Span} rest, out int length)"))
            {
                EmitQuotedMatch(writer, d.Members.Select((m, i) => (m.Name, i)).ToList());
            }
        }
    }

    // Each name with its length before it, so no two lists of names share a key.
    private static string MembersKey(DimensionModel d) =>
        string.Concat(d.Members.Select(m => m.Name.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + m.Name));

    // Returns the index of the first name the UTF-8 text equals, else -1: compared as bytes, grouped by length.
    private static void EmitMatch(SourceWriter writer, string text, IReadOnlyList<(string Name, int Result)> names)
    {
        if (names.Count == 0)
        {
            writer.Line("return -1;");
            return;
        }

        using (writer.Block($"switch ({text}.Length)"))
        {
            foreach (var group in names.GroupBy(n => Encoding.UTF8.GetByteCount(n.Name)).OrderBy(g => g.Key))
            {
                writer.Line($"case {group.Key}:");
                foreach (var (name, result) in group)
                {
                    writer.Line($"    if (global::System.MemoryExtensions.SequenceEqual({text}, {Utf8(name)})) return {result};");
                }

                writer.Line("    break;");
            }
        }

        writer.Line();
        writer.Line("return -1;");
    }

    // Returns the index of the first name that, then a quote, starts the UTF-8 rest, with length its byte count; else -1
    // and length 0. Grouped by first byte; only names of printable ASCII but the quote and the backslash, which a JSON
    // string holds as themselves (the scan finds any other name's string itself).
    private static void EmitQuotedMatch(SourceWriter writer, IReadOnlyList<(string Name, int Result)> names)
    {
        var plain = names.Where(n => n.Name.All(c => c is >= ' ' and <= '~' and not '"' and not '\\')).ToList();
        if (plain.Count != 0)
        {
            writer.Line("if (rest.Length != 0)");
            writer.Line("{");
            writer.Line("    switch (rest[0])");
            writer.Line("    {");
            foreach (var group in plain.GroupBy(n => (n.Name + "\"")[0]).OrderBy(g => g.Key))
            {
                writer.Line($"        case {(int)group.Key}:");
                foreach (var (name, result) in group)
                {
                    writer.Line($"            if (global::System.MemoryExtensions.StartsWith(rest, {Utf8(name + "\"")})) {{ length = {name.Length + 1}; return {result}; }}");
                }

                writer.Line("            break;");
            }

            writer.Line("    }");
            writer.Line("}");
            writer.Line();
        }

        writer.Line("length = 0;");
        writer.Line("return -1;");
    }

    // A UTF-8 literal of the bytes the runtime compares with: Encoding.UTF8's, a lone surrogate becoming U+FFFD.
    private static string Utf8(string text) =>
        Literals.String(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text))) + "u8";
}
