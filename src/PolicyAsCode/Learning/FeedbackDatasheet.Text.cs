using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace PolicyAsCode.Learning;

// The datasheet as Markdown for people and JSON for tools; both say what was suppressed and why.
public sealed partial record FeedbackDatasheet
{
    /// <summary>The datasheet as a Markdown page.</summary>
    /// <param name="title">The page's heading.</param>
    public string Markdown(string title = "Feedback datasheet")
    {
        var md = new StringBuilder();
        md.Append("# ").Append(title).Append("\n\n");
        md.Append("Whose feedback this export holds. Only people who consented to their feedback being used for training are in it; ");
        md.Append("every count that describes fewer than ").Append(Int(K)).Append(" people is suppressed (").Append(Int(Suppressed)).Append(" bucket");
        md.Append(Suppressed == 1 ? " was" : "s were").Append(" left out).\n\n");
        md.Append("## Who gave feedback\n\n| | |\n|---|---|\n");
        md.Append("| people | ").Append(Count(People)).Append(" |\n");
        md.Append("| records | ").Append(Count(Records)).Append(" |\n");
        md.Append("| share of records from the top 1% of contributors | ").Append(Share(TopOnePercentShare)).Append(" |\n");
        md.Append("| share of records from the top 10% of contributors | ").Append(Share(TopTenPercentShare)).Append(" |\n\n");
        md.Append("## Per jurisdiction\n\n");
        Table(md, "| jurisdiction | people | records |", Jurisdictions.Count, i => $"| {Jurisdictions[i].Jurisdiction} | {Int(Jurisdictions[i].People)} | {Int(Jurisdictions[i].Records)} |");
        md.Append("## Per consented attribute (facts holding)\n\n");
        Table(md, "| fact | people | records |", Facts.Count, i => $"| {Facts[i].Fact} | {Int(Facts[i].People)} | {Int(Facts[i].Records)} |");
        md.Append("## What the feedback moved\n\n");
        Table(md, "| dimension | direction | people | nudges |", Moves.Count, i => $"| {Moves[i].Dimension} | {Moves[i].Direction} | {Int(Moves[i].People)} | {Int(Moves[i].Nudges)} |");
        return md.ToString();
    }

    /// <summary>The datasheet as a JSON document.</summary>
    public string Json()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("k", K);
            Number(json, "people", People);
            Number(json, "records", Records);
            Real(json, "topOnePercentShare", TopOnePercentShare);
            Real(json, "topTenPercentShare", TopTenPercentShare);
            json.WriteNumber("suppressedBuckets", Suppressed);
            Objects(json, "jurisdictions", Jurisdictions, (w, j) =>
            {
                w.WriteString("jurisdiction", j.Jurisdiction);
                w.WriteNumber("people", j.People);
                w.WriteNumber("records", j.Records);
            });
            Objects(json, "facts", Facts, (w, f) =>
            {
                w.WriteString("fact", f.Fact);
                w.WriteNumber("people", f.People);
                w.WriteNumber("records", f.Records);
            });
            Objects(json, "moves", Moves, (w, m) =>
            {
                w.WriteString("dimension", m.Dimension);
                w.WriteString("direction", m.Direction);
                w.WriteNumber("people", m.People);
                w.WriteNumber("nudges", m.Nudges);
            });
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private void Table(StringBuilder md, string header, int rows, System.Func<int, string> row)
    {
        if (rows == 0)
        {
            md.Append("No bucket has ").Append(Int(K)).Append(" people or more.\n\n");
            return;
        }

        md.Append(header).Append('\n').Append(string.Concat(System.Linq.Enumerable.Repeat("|---", header.Split('|').Length - 2))).Append("|\n");
        for (var i = 0; i < rows; i++)
        {
            md.Append(row(i)).Append('\n');
        }

        md.Append('\n');
    }

    private string Count(int? value) => value is { } v ? Int(v) : $"suppressed (fewer than {Int(K)} people)";

    private string Share(double? value) => value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : $"suppressed (fewer than {Int(K)} people)";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Number(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Real(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, System.Math.Round(v, 4));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    // One JSON array of objects, each written by write: the datasheet's three bucket tables share this shape.
    private static void Objects<T>(Utf8JsonWriter json, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            write(json, item);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
