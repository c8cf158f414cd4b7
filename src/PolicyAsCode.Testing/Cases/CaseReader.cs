using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PolicyAsCode.Testing;

/// <summary>
/// Turns a <see cref="CaseDocument"/> into cases, checking the format strictly: a field the format does not have, a
/// field of the wrong type, an unknown fact or cause, a missing name or a case that expects nothing is a fault with
/// its path and line. What only the policy can check (jurisdictions, dimensions, tiers, bounds, hazards) is checked
/// when a case is run against it.
/// </summary>
internal static class CaseReader
{
    private static readonly string[] RootFields = ["cases", "jurisdiction", "description"];
    private static readonly string[] CaseFields = ["name", "description", "jurisdiction", "facts", "known", "preferences", "hazards", "expect"];
    private static readonly string[] ExpectFields = ["effective", "adjustments", "decision", "errors"];
    private static readonly string[] AdjustmentFields = ["dimension", "cause", "tier", "bound"];
    private static readonly string[] DecisionFields = ["allowed", "tier", "rule", "hazards"];

    /// <summary>The causes an adjustment may expect, as <c>pac resolve</c> prints them.</summary>
    public static readonly string[] Causes = ["clamped", "waived", "failed closed", "contradiction"];

    public static IReadOnlyList<PolicyCase> Read(CaseDocument document)
    {
        var root = Object(document, document.Root, "$", null, "a case file is an object with a \"cases\" array");
        Only(document, root, "$", null, RootFields);
        var fileJurisdiction = root.TryGetPropertyValue("jurisdiction", out var j) ? (true, OptionalString(document, j, "$.jurisdiction", null)) : (false, null);
        if (!root.TryGetPropertyValue("cases", out var casesNode))
        {
            throw document.Fault("$", null, "no \"cases\" array");
        }

        var cases = Array(document, casesNode, "$.cases", null);
        if (cases.Count == 0)
        {
            throw document.Fault("$.cases", null, "no cases");
        }

        var read = new List<PolicyCase>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < cases.Count; i++)
        {
            var path = CaseDocument.Item("$.cases", i);
            var c = Case(document, cases[i], path, i + 1, fileJurisdiction);
            if (!names.Add(c.Name))
            {
                throw document.Fault(path + ".name", c.Name, "another case has this name; names must be unique in a file");
            }

            read.Add(c);
        }

        return read;
    }

    private static PolicyCase Case(CaseDocument document, JsonNode? node, string path, int number, (bool Given, string? Value) fileJurisdiction)
    {
        var obj = Object(document, node, path, null, "a case is an object");
        var name = obj.TryGetPropertyValue("name", out var n) && n is JsonValue v && v.TryGetValue<string>(out var s) && s.Trim().Length > 0
            ? s
            : throw document.Fault(path + ".name", null, $"case {number} has no name (a non-empty string)");
        Only(document, obj, path, name, CaseFields);

        var jurisdiction = obj.TryGetPropertyValue("jurisdiction", out var jn) ? OptionalString(document, jn, path + ".jurisdiction", name) : fileJurisdiction.Value;
        var facts = obj.TryGetPropertyValue("facts", out var f) ? Facts(document, f, path + ".facts", name) : Fact.None;
        var known = obj.TryGetPropertyValue("known", out var k) ? Facts(document, k, path + ".known", name) : Fact.None;
        var preferences = "{}";
        if (obj.TryGetPropertyValue("preferences", out var p))
        {
            preferences = Object(document, p, path + ".preferences", name, "preferences are an object in the wire format (docs/preferences-json.md)").ToJsonString();
        }

        var hazards = obj.TryGetPropertyValue("hazards", out var h) ? Strings(document, h, path + ".hazards", name) : null;
        if (!obj.TryGetPropertyValue("expect", out var e))
        {
            throw document.Fault(path, name, "no \"expect\": a case must say what the policy makes of it");
        }

        return new PolicyCase(name, number, jurisdiction, facts, known, preferences, hazards, Expect(document, e, path + ".expect", name), document, path);
    }

    private static CaseExpectations Expect(CaseDocument document, JsonNode? node, string path, string name)
    {
        var obj = Object(document, node, path, name, "\"expect\" is an object");
        Only(document, obj, path, name, ExpectFields);

        var effective = new List<ExpectedValue>();
        if (obj.TryGetPropertyValue("effective", out var eff))
        {
            foreach (var (dimension, value) in Object(document, eff, path + ".effective", name, "\"effective\" is an object of values in the wire format"))
            {
                effective.Add(new ExpectedValue(dimension, value?.ToJsonString() ?? "null", CaseDocument.Property(path + ".effective", dimension)));
            }
        }

        List<ExpectedAdjustment>? adjustments = null;
        if (obj.TryGetPropertyValue("adjustments", out var adj))
        {
            adjustments = [];
            var items = Array(document, adj, path + ".adjustments", name);
            for (var i = 0; i < items.Count; i++)
            {
                var at = CaseDocument.Item(path + ".adjustments", i);
                var a = Object(document, items[i], at, name, "an adjustment is an object: { dimension, cause, tier, bound }");
                Only(document, a, at, name, AdjustmentFields);
                var dimension = a.TryGetPropertyValue("dimension", out var d) ? String(document, d, at + ".dimension", name) : throw document.Fault(at, name, "an adjustment names its \"dimension\"");
                var cause = a.TryGetPropertyValue("cause", out var c) ? String(document, c, at + ".cause", name) : null;
                if (cause is not null && !Causes.Contains(cause, StringComparer.Ordinal))
                {
                    throw document.Fault(at + ".cause", name, $"\"{cause}\" is not a cause; causes are {string.Join(", ", Causes.Select(x => "\"" + x + "\""))}");
                }

                adjustments.Add(new ExpectedAdjustment(
                    dimension, cause,
                    a.TryGetPropertyValue("tier", out var t) ? String(document, t, at + ".tier", name) : null,
                    a.TryGetPropertyValue("bound", out var b) ? String(document, b, at + ".bound", name) : null,
                    at));
            }
        }

        ExpectedDecision? decision = null;
        if (obj.TryGetPropertyValue("decision", out var dec))
        {
            var at = path + ".decision";
            var o = Object(document, dec, at, name, "\"decision\" is an object: { allowed, tier, rule, hazards }");
            Only(document, o, at, name, DecisionFields);
            var allowed = o.TryGetPropertyValue("allowed", out var al) && al is JsonValue av && av.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                ? av.GetValue<bool>()
                : throw document.Fault(at + ".allowed", name, "a decision says whether the content is \"allowed\" (true or false)");
            var tier = o.TryGetPropertyValue("tier", out var t) ? String(document, t, at + ".tier", name) : null;
            var rule = o.TryGetPropertyValue("rule", out var r) ? String(document, r, at + ".rule", name) : null;
            var hazards = o.TryGetPropertyValue("hazards", out var hz) ? Strings(document, hz, at + ".hazards", name) : null;
            if (allowed && (tier ?? rule) is not null)
            {
                throw document.Fault(at, name, "an allowed decision has no refusing tier or rule");
            }

            decision = new ExpectedDecision(allowed, tier, rule, hazards, at);
        }

        var errors = obj.TryGetPropertyValue("errors", out var er) ? Strings(document, er, path + ".errors", name) : [];
        if (effective.Count == 0 && adjustments is null && decision is null && errors.Count == 0)
        {
            throw document.Fault(path, name, "expects nothing; give effective values, adjustments, a decision or preference errors");
        }

        return new CaseExpectations(effective, adjustments, decision, errors);
    }

    private static Fact Facts(CaseDocument document, JsonNode? node, string path, string name)
    {
        var facts = Fact.None;
        var items = Strings(document, node, path, name);
        for (var i = 0; i < items.Count; i++)
        {
            var fact = items[i];
            if (fact == nameof(Fact.None) || !Enum.GetNames<Fact>().Contains(fact, StringComparer.Ordinal))
            {
                throw document.Fault(CaseDocument.Item(path, i), name, $"\"{fact}\" is not a fact; facts are {string.Join(", ", Enum.GetNames<Fact>().Where(x => x != nameof(Fact.None)))}");
            }

            facts |= Enum.Parse<Fact>(fact);
        }

        return facts;
    }

    private static JsonObject Object(CaseDocument document, JsonNode? node, string path, string? name, string what) =>
        node as JsonObject ?? throw document.Fault(path, name, what);

    private static JsonArray Array(CaseDocument document, JsonNode? node, string path, string? name) =>
        node as JsonArray ?? throw document.Fault(path, name, "expected a list");

    private static string String(CaseDocument document, JsonNode? node, string path, string name) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw document.Fault(path, name, "expected a string");

    private static string? OptionalString(CaseDocument document, JsonNode? node, string path, string? name) =>
        node is null ? null : node is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw document.Fault(path, name, "expected a string or null");

    private static List<string> Strings(CaseDocument document, JsonNode? node, string path, string name)
    {
        var items = Array(document, node, path, name);
        var strings = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            strings.Add(String(document, items[i], CaseDocument.Item(path, i), name));
        }

        return strings;
    }

    private static void Only(CaseDocument document, JsonObject obj, string path, string? name, string[] fields)
    {
        foreach (var (field, _) in obj)
        {
            if (!fields.Contains(field, StringComparer.Ordinal))
            {
                throw document.Fault(CaseDocument.Property(path, field), name, $"not a field here; the fields are {string.Join(", ", fields)}");
            }
        }
    }
}
