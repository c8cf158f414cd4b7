using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PolicyAsCode.Generators.Model;

namespace PolicyAsCode.Generators.Emitting;

/// <summary>
/// Emits the policy as constant data: the registry <see cref="RegistryEmitter"/> constructs, as the JSON that the runtime's
/// <c>PolicyRegistryData.Read</c> reads, on the user tier in a <c>[PolicyRegistryData(format, data)]</c> attribute.
/// It is metadata, so <c>pac</c> reads the policy without running the assembly. Every object holds all of its fields in a
/// fixed order; masks are hex strings (no bit is lost) and text is ASCII (the attribute stores UTF-8, which could not
/// carry a lone surrogate), so the data is the same whatever reads it.
/// </summary>
internal static class RegistryDataEmitter
{
    /// <summary>The format version written; the runtime's <c>PolicyRegistryData.Format</c>.</summary>
    public const int Format = 3;

    /// <summary>Writes the attribute, the line above the user tier's generated declaration, with the data copied once, into the file.</summary>
    public static void WriteAttribute(SourceWriter writer, string json)
    {
        var quotes = RawDelimiter(json);
        writer.Line($"[global::PolicyAsCode.Compiled.PolicyRegistryData({Format}, {quotes}{json}{quotes})]");
    }

    // The data goes in a raw literal, so its quotes (one in six of its characters) are written as they are, not
    // escaped: C# 11, which the generated file types need already. The data is printable ASCII on one line and starts
    // with '{'; the delimiter is one quote longer than its longest run of quotes (JSON has at most two in a row) and at
    // least three.
    private static string RawDelimiter(string json)
    {
        int longest = 0, run = 0;
        foreach (var c in json)
        {
            run = c == '"' ? run + 1 : 0;
            longest = run > longest ? run : longest;
        }

        return new string('"', longest < 3 ? 3 : longest + 1);
    }

    public static string Json(PolicyModel policy)
    {
        var json = new StringBuilder();
        json.Append("{\"name\":").Append(Text(policy.UserTier.FullName));
        Array(json, "tiers", policy.Tiers, t =>
            $"{{\"index\":{Int(t.Index)},\"name\":{Text(t.Name)},\"type\":{Text(t.TypeName)},\"rank\":{Int(t.Rank)},\"within\":{Ints(t.Within)}}}");
        Array(json, "dimensions", policy.Dimensions, d =>
            $"{{\"index\":{Int(d.Index)},\"name\":{Text(d.Name)},\"kind\":\"{d.Kind}\",\"type\":{Text(d.TypeName)},"
            + $"\"members\":[{string.Join(",", d.Members.Select(m => Text(m.Name)))}],\"memberValues\":[{string.Join(",", d.Members.Select(m => m.Value.ToString(CultureInfo.InvariantCulture)))}],"
            + $"\"domain\":{Bound(d.Domain)},\"higherIsStricter\":{Bool(d.HigherIsStricter)},\"default\":{Value(d.Kind, d.Default)},"
            + $"\"hasInitialiser\":{Bool(d.HasInitialiser)},\"description\":{Text(d.Description)},\"enables\":{Ints(d.Enables)},\"mitigates\":{Ints(d.Mitigates)},"
            + $"\"instructions\":[{string.Join(",", d.Instructions.Select(i => Instruction(d.Kind, i)))}],\"learnable\":{Bool(d.Learnable)}}}");
        Array(json, "bounds", policy.Bounds, b =>
            $"{{\"index\":{Int(b.Index)},\"dimension\":{Int(b.Dimension)},\"tier\":{Int(b.Tier)},\"form\":\"{b.Form}\",\"bound\":{Bound(b.Bound)},"
            + $"\"when\":{UInt(b.When)},\"unless\":{UInt(b.Unless)},\"waivableBy\":{(b.WaivableBy == 0 ? "null" : Int(b.WaivableBy))},"
            + $"\"source\":{Text(b.Source)},\"reason\":{Text(b.Reason)},\"enables\":{Ints(b.Enables)},\"mitigates\":{Ints(b.Mitigates)}}}");
        Array(json, "forbids", policy.Forbids, f =>
            $"{{\"index\":{Int(f.Index)},\"tier\":{Int(f.Tier)},\"hazards\":{Mask(f.Hazards)},\"when\":{UInt(f.When)},\"unless\":{UInt(f.Unless)},"
            + $"\"reason\":{Text(f.Reason)},\"dimension\":{(f.IsUsersOwn ? Int(f.Dimension) : "null")},\"mitigates\":{Ints(f.Mitigates)}}}");
        Array(json, "waivers", policy.Waivers, w =>
            $"{{\"index\":{Int(w.Index)},\"claimant\":{Int(w.Claimant)},\"dimension\":{Int(w.Dimension)},\"waived\":{Int(w.Waived)},\"when\":{UInt(w.When)},\"delegated\":{Bool(w.IsDelegated)}}}");
        Array(json, "defaults", policy.Defaults, d =>
            $"{{\"tier\":{Int(d.Tier)},\"dimension\":{Int(d.Dimension)},\"value\":{Value(policy.Dimensions[d.Dimension].Kind, d.Value)}}}");
        Array(json, "hazards", policy.CustomHazards, h =>
            $"{{\"hazard\":{Mask(h.Hazard)},\"code\":{Text(h.Code)},\"description\":{Text(h.Description)}}}");
        Array(json, "neverTogether", policy.NeverTogether, UInt);
        Array(json, "benefits", policy.CustomBenefits, b => Custom("benefit", b));
        Array(json, "risks", policy.CustomRisks, r => Custom("risk", r));
        Array(json, "learning", policy.Learning, l =>
            $"{{\"tier\":{Int(l.Tier)},\"dimension\":{Int(l.Dimension)},\"notLearnable\":{Bool(l.NotLearnable)},\"range\":{Bound(l.Range)},\"source\":{Text(l.Source)},\"reason\":{Text(l.Reason)}}}");
        return json.Append('}').ToString();
    }

    private static string Custom(string kind, TaxonomyModel t) =>
        $"{{\"{kind}\":{Int(t.Member)},\"id\":{Text(t.Id)},\"level\":\"{(t.Level == 0 ? "Individual" : "Societal")}\",\"title\":{Text(t.Title)},\"description\":{Text(t.Description)}}}";

    // Each item appended in turn: a large policy's arrays run to megabytes, which one joined string would copy again.
    private static void Array<T>(StringBuilder json, string name, IEnumerable<T> items, System.Func<T, string> item)
    {
        json.Append(",\"").Append(name).Append("\":[");
        var first = true;
        foreach (var i in items)
        {
            json.Append(first ? string.Empty : ",").Append(item(i));
            first = false;
        }

        json.Append(']');
    }

    private static string Bound(Bound b) =>
        $"{{\"kind\":\"{b.Kind}\",\"lo\":{Number(b.Lo)},\"hi\":{Number(b.Hi)},\"floor\":{Mask(b.Floor)},\"ceiling\":{Mask(b.Ceiling)}}}";

    // Numbers as numbers, members and sets as masks: the encoding the lattice keeps them in.
    private static string Value(DimensionKind kind, DimensionValue value) =>
        kind is DimensionKind.Integer or DimensionKind.Real ? Number(value.Number) : Mask(value.Bits);

    private static string Number(double value) =>
        double.IsNaN(value) ? "\"NaN\""
        : double.IsPositiveInfinity(value) ? "\"Infinity\""
        : double.IsNegativeInfinity(value) ? "\"-Infinity\""
        : value.ToString("R", CultureInfo.InvariantCulture);

    private static string Mask(ulong value) => "\"0x" + value.ToString("X", CultureInfo.InvariantCulture) + "\"";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string UInt(uint value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";

    // Format 3: how the assistant is told the dimension's value (PolicyRegistryData reads it into DimensionInfo.Instructions).
    private static string Instruction(DimensionKind kind, InstructionModel instruction) =>
        $"{{\"text\":{Text(instruction.Template)},\"for\":{(instruction.For is { } only ? Value(kind, only) : "null")},\"waived\":{Bool(instruction.Waived)}}}";

    private static string Ints(IEnumerable<int> values) => "[" + string.Join(",", values.Select(Int)) + "]";

    private static string Text(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var text = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                text.Append('\\').Append(c);
            }
            else if (c < ' ' || c > '~')
            {
                text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.Append('"').ToString();
    }
}
