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
        // Every part is appended where it goes: a policy of thousands of dimensions writes megabytes of data, and the
        // per-item strings this was once built from were a quarter of what the generator allocated, which the
        // collector then paid for in the compiler's process.
        using var buffer = new PooledText();
        var json = new JsonText(buffer);
        json.Raw("{\"name\":").Text(policy.UserTier.FullName);
        json.Array("tiers", policy.Tiers, static (j, t) => j
            .Raw("{\"index\":").Int(t.Index).Raw(",\"name\":").Text(t.Name).Raw(",\"type\":").Text(t.TypeName)
            .Raw(",\"rank\":").Int(t.Rank).Raw(",\"within\":").Ints(t.Within).Raw("}"));
        json.Array("dimensions", policy.Dimensions, static (j, d) => j
            .Raw("{\"index\":").Int(d.Index).Raw(",\"name\":").Text(d.Name).Raw(",\"kind\":\"").Name(d.Kind).Raw("\",\"type\":").Text(d.TypeName)
            .Raw(",\"members\":").Items(d.Members, static (j, m) => j.Text(m.Name)).Raw(",\"memberValues\":").Items(d.Members, static (j, m) => j.Long(m.Value))
            .Raw(",\"domain\":").Bound(d.Domain).Raw(",\"higherIsStricter\":").Bool(d.HigherIsStricter).Raw(",\"default\":").Value(d.Kind, d.Default)
            .Raw(",\"hasInitialiser\":").Bool(d.HasInitialiser).Raw(",\"description\":").Text(d.Description)
            .Raw(",\"enables\":").Ints(d.Enables).Raw(",\"mitigates\":").Ints(d.Mitigates)
            .Raw(",\"instructions\":").Items(d.Instructions, (j, i) => j
                .Raw("{\"text\":").Text(i.Template).Raw(",\"for\":").Value(d.Kind, i.For).Raw(",\"waived\":").Bool(i.Waived).Raw("}"))
            .Raw(",\"learnable\":").Bool(d.Learnable).Raw("}"));
        json.Array("bounds", policy.Bounds, static (j, b) => j
            .Raw("{\"index\":").Int(b.Index).Raw(",\"dimension\":").Int(b.Dimension).Raw(",\"tier\":").Int(b.Tier)
            .Raw(",\"form\":\"").Name(b.Form).Raw("\",\"bound\":").Bound(b.Bound)
            .Raw(",\"when\":").UInt(b.When).Raw(",\"unless\":").UInt(b.Unless).Raw(",\"waivableBy\":").IntOrNull(b.WaivableBy != 0, b.WaivableBy)
            .Raw(",\"source\":").Text(b.Source).Raw(",\"reason\":").Text(b.Reason)
            .Raw(",\"enables\":").Ints(b.Enables).Raw(",\"mitigates\":").Ints(b.Mitigates).Raw("}"));
        json.Array("forbids", policy.Forbids, static (j, f) => j
            .Raw("{\"index\":").Int(f.Index).Raw(",\"tier\":").Int(f.Tier).Raw(",\"hazards\":").Mask(f.Hazards)
            .Raw(",\"when\":").UInt(f.When).Raw(",\"unless\":").UInt(f.Unless).Raw(",\"reason\":").Text(f.Reason)
            .Raw(",\"dimension\":").IntOrNull(f.IsUsersOwn, f.Dimension).Raw(",\"mitigates\":").Ints(f.Mitigates).Raw("}"));
        json.Array("waivers", policy.Waivers, static (j, w) => j
            .Raw("{\"index\":").Int(w.Index).Raw(",\"claimant\":").Int(w.Claimant).Raw(",\"dimension\":").Int(w.Dimension)
            .Raw(",\"waived\":").Int(w.Waived).Raw(",\"when\":").UInt(w.When).Raw(",\"delegated\":").Bool(w.IsDelegated).Raw("}"));
        json.Array("defaults", policy.Defaults, (j, d) => j
            .Raw("{\"tier\":").Int(d.Tier).Raw(",\"dimension\":").Int(d.Dimension)
            .Raw(",\"value\":").Value(policy.Dimensions[d.Dimension].Kind, d.Value).Raw("}"));
        json.Array("hazards", policy.CustomHazards, static (j, h) => j
            .Raw("{\"hazard\":").Mask(h.Hazard).Raw(",\"code\":").Text(h.Code).Raw(",\"description\":").Text(h.Description).Raw("}"));
        json.Array("neverTogether", policy.NeverTogether, static (j, facts) => j.UInt(facts));
        json.Array("benefits", policy.CustomBenefits, static (j, b) => Custom(j, "benefit", b));
        json.Array("risks", policy.CustomRisks, static (j, r) => Custom(j, "risk", r));
        json.Array("learning", policy.Learning, static (j, l) => j
            .Raw("{\"tier\":").Int(l.Tier).Raw(",\"dimension\":").Int(l.Dimension).Raw(",\"notLearnable\":").Bool(l.NotLearnable)
            .Raw(",\"range\":").Bound(l.Range).Raw(",\"source\":").Text(l.Source).Raw(",\"reason\":").Text(l.Reason).Raw("}"));
        return json.Raw("}").ToString();
    }

    private static JsonText Custom(JsonText json, string kind, TaxonomyModel t) => json
        .Raw("{\"").Raw(kind).Raw("\":").Int(t.Member).Raw(",\"id\":").Text(t.Id)
        .Raw(",\"level\":\"").Raw(t.Level == 0 ? "Individual" : "Societal").Raw("\",\"title\":").Text(t.Title)
        .Raw(",\"description\":").Text(t.Description).Raw("}");
}
