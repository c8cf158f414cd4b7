using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PolicyAsCode.Tool.Tests.Report;

/// <summary>
/// The Assistant sample's decision records (<see cref="AssistantRecords"/>) plus hostile lines, and counts of them made
/// here, independently of pac: straight from the JSON, by the jurisdiction each record names and the wire-format
/// value it holds, as a reviewer would count with jq.
/// </summary>
public sealed partial class ReportRecords
{
    /// <summary>A version string that is markup and a terminal escape.</summary>
    public const string HostileVersion = "<script>alert(1)</script>\u001b[2J";

    /// <summary>A jurisdiction that is markup: no policy knows it, so it counts under "none" and is never shown.</summary>
    public const string HostileJurisdiction = "</td><img src=x onerror=alert(2)>";

    /// <summary>A requested dimension no policy has, named and valued in markup: the reader ignores it.</summary>
    public const string HostileDimension = "<svg onload=alert(5)>";

    /// <summary>A record kind that is markup: the line is skipped and its error, which quotes it, is shown.</summary>
    public const string HostileKind = "<i onclick=alert(3)>kind</i>";

    public ReportRecords(AssistantRecords records)
    {
        var lines = File.ReadAllLines(records.Plain).Where(l => l.Length > 0).ToList();
        var first = JsonNode.Parse(lines.First(l => l.Contains("\"kind\":\"resolution\"", StringComparison.Ordinal)))!.AsObject();
        first["id"] = "00000000-0000-7000-8000-000000000001";
        first["version"] = HostileVersion;
        first["jurisdiction"] = HostileJurisdiction;
        first["requested"]![HostileDimension] = "<b onmouseover=alert(4)>";
        lines.Add(first.ToJsonString());
        var bad = JsonNode.Parse(lines[0])!.AsObject();
        bad["kind"] = HostileKind;
        lines.Add(bad.ToJsonString());
        Path = System.IO.Path.Combine(records.Folder, "report.jsonl");
        File.WriteAllLines(Path, lines);
        Records = [.. lines.Take(lines.Count - 1).Select(l => JsonNode.Parse(l)!.AsObject())];
    }

    /// <summary>The records file: the sample's records, one hostile resolution and one hostile bad line.</summary>
    public string Path { get; }

    /// <summary>The readable records, parsed.</summary>
    public IReadOnlyList<JsonObject> Records { get; }

    public IEnumerable<JsonObject> Resolutions => Records.Where(r => (string?)r["kind"] == "resolution");

    public IEnumerable<JsonObject> Refusals => Records.Where(r => (string?)r["kind"] == "decision" && !(bool)r["decision"]!["allowed"]!);

    /// <summary>The jurisdiction as the report names it: the policy's, or "none".</summary>
    public static string Jurisdiction(JsonObject record) => (string?)record["jurisdiction"] is "EU" or "US" ? (string)record["jurisdiction"]! : "none";

    /// <summary>Per jurisdiction and value, how many resolutions requested and got each value of a dimension.</summary>
    public Dictionary<(string Jurisdiction, string Value), (int Requested, int Effective)> Values(string jsonName, Func<JsonNode, string> label)
    {
        var counts = new Dictionary<(string, string), (int Requested, int Effective)>();
        foreach (var r in Resolutions)
        {
            var j = Jurisdiction(r);
            var unreadable = r["unreadable"]!.AsArray().Any(n => (string?)n == jsonName);
            var asked = r["requested"]![jsonName];
            if (asked is not null || unreadable)
            {
                var value = unreadable ? "unreadable" : label(asked!);
                counts[(j, value)] = (counts.GetValueOrDefault((j, value)).Requested + 1, counts.GetValueOrDefault((j, value)).Effective);
            }

            var got = label(r["effective"]![jsonName]!);
            counts[(j, got)] = (counts.GetValueOrDefault((j, got)).Requested, counts.GetValueOrDefault((j, got)).Effective + 1);
        }

        return counts;
    }

    /// <summary>How many resolutions each bound held (clamped), by bound source.</summary>
    public Dictionary<string, int> Clamps() => Resolutions
        .SelectMany(r => r["adjustments"]!.AsArray().Select(a => a!.AsObject()))
        .Where(a => (string?)a["cause"] == "clamped")
        .GroupBy(a => (string)a["source"]!)
        .ToDictionary(g => g.Key, g => g.Count());

    /// <summary>How many refusals named each hazard, by hazard code and refusing tier name.</summary>
    public Dictionary<(string Hazard, string Tier), int> RefusalCounts() => Refusals
        .SelectMany(r => r["decision"]!["hazards"]!.AsArray().Select(h => ((string)h!, (string)r["decision"]!["tier"]!)))
        .GroupBy(k => k)
        .ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The rows (cells, decoded) of the tables in the HTML section whose heading is <paramref name="heading"/>.</summary>
    public static List<string[]> Rows(string html, string heading)
    {
        var section = html.Split("<section>").Single(s => Regex.IsMatch(s, $"^\\s*<h[23]>{Regex.Escape(WebUtility.HtmlEncode(heading))}</h[23]>"));
        return [.. RowPattern().Matches(section).Select(m => CellPattern().Matches(m.Groups[1].Value).Select(c => WebUtility.HtmlDecode(c.Groups[1].Value)).ToArray()).Where(r => r.Length > 0)];
    }

    [GeneratedRegex("<tr>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();
}
