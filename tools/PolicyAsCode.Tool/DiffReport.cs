using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace PolicyAsCode.Tool;

/// <summary>
/// Writes a diff as text (tables; plain when redirected) or JSON. The fail-closed jurisdiction is <c>(none: every law)</c>
/// in text, null in JSON. A jurisdiction within others is named with them, as the new version has it (the old one
/// where the new does not know it): <c>DE within EU</c> in text, <c>"within": ["EU"]</c> in JSON; where the two
/// versions nest it differently, the text says what it was (<c>DE within EU (was: DE)</c>).
/// </summary>
internal static class DiffReport
{
    public static void WriteText(TextWriter output, Terminal terminal, LoadedPolicy old, LoadedPolicy @new, IReadOnlyList<DiffEntry> changes)
    {
        output.Write(UntrustedText.Escape($"pac diff: {old.Registry.Name} ({old.Path}) -> {@new.Registry.Name} ({@new.Path})") + "\n");
        if (changes.Count == 0)
        {
            output.Write("no changes\n");
            return;
        }

        string Where(DiffEntry e) => e.Jurisdiction is null ? e.JurisdictionLabel : Label(old.Registry, @new.Registry, e.Jurisdiction);
        Section(output, terminal, changes, "jurisdiction", "Jurisdictions", ["jurisdiction", "change"], e => [Where(e), Name(e.Change)]);
        Section(output, terminal, changes, "dimension", "Dimensions", ["dimension", "change", "old type", "new type"], e => [e.Subject, Name(e.Change), e.Old, e.New]);
        Section(output, terminal, changes, "bound", "Effective bounds (what a request is granted within)", ["jurisdiction", "context", "dimension", "change", "old", "new"], e => [Where(e), e.Context!, e.Subject, Name(e.Change), e.Old, e.New]);
        Section(output, terminal, changes, "default", "Defaults (what a user starts from)", ["jurisdiction", "context", "dimension", "change", "old", "new"], e => [Where(e), e.Context!, e.Subject, Name(e.Change), e.Old, e.New]);
        Section(output, terminal, changes, "hazards", "Content refused by the tiers", ["jurisdiction", "context", "change", "hazards"], e => [Where(e), e.Context!, Name(e.Change), e.Subject]);
        Section(output, terminal, changes, "rule", "Bound rules, per tier", ["rule", "change", "old", "new"], e => [e.Subject, Name(e.Change), e.Old, e.New]);

        var widened = changes.Count(e => e.Widens);
        output.Write("\n" + (widened > 0
            ? $"{widened} of {changes.Count} changes widen what the policy allows: review required.\n"
            : $"{changes.Count} changes, none widening.\n"));
    }

    public static void WriteJson(TextWriter output, LoadedPolicy old, LoadedPolicy @new, IReadOnlyList<DiffEntry> changes)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            w.WriteString("old", old.Path);
            w.WriteString("new", @new.Path);
            w.WriteString("oldPolicy", old.Registry.Name);
            w.WriteString("newPolicy", @new.Registry.Name);
            w.WriteBoolean("widened", changes.Any(e => e.Widens));
            w.WriteStartArray("changes");
            foreach (var e in changes)
            {
                w.WriteStartObject();
                w.WriteString("section", e.Section);
                w.WriteString("jurisdiction", e.Jurisdiction);
                if (e.Jurisdiction is not null)
                {
                    w.WriteStartArray("within");
                    foreach (var outer in Within(old.Registry, @new.Registry, e.Jurisdiction))
                    {
                        w.WriteStringValue(outer);
                    }

                    w.WriteEndArray();
                }

                w.WriteString("context", e.Context);
                if (e.Contexts > 0)
                {
                    w.WriteNumber("contexts", e.Contexts);
                }

                w.WriteString("subject", e.Subject);
                w.WriteString("change", Name(e.Change));
                w.WriteBoolean("widens", e.Widens);
                w.WriteString("old", e.Old);
                w.WriteString("new", e.New);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        output.Write(UntrustedText.EscapeKeepingLines(Encoding.UTF8.GetString(buffer.ToArray())) + "\n");
    }

    // The jurisdictions it sits within, nearest first, as the kernel of the new version has them (of the old, where
    // the new does not know the jurisdiction).
    private static System.Collections.Immutable.ImmutableArray<string> Within(PolicyRegistry old, PolicyRegistry @new, string jurisdiction) =>
        @new.MatchJurisdiction(jurisdiction) is var j && j >= 0 ? @new.Shape.EnclosingNames(j) : old.Shape.EnclosingNames(old.MatchJurisdiction(jurisdiction));

    private static string Label(PolicyRegistry old, PolicyRegistry @new, string jurisdiction)
    {
        var inOld = old.MatchJurisdiction(jurisdiction);
        var inNew = @new.MatchJurisdiction(jurisdiction);
        var before = inOld >= 0 ? Wording.Jurisdiction(old.Shape, inOld) : null;
        var after = inNew >= 0 ? Wording.Jurisdiction(@new.Shape, inNew) : null;
        return after is null ? before ?? jurisdiction
            : before is null || string.Equals(before, after, System.StringComparison.OrdinalIgnoreCase) ? after
            : $"{after} (was: {before})";
    }

    // A widening needs a review: red; a narrowing is safe: green; anything else that changed: yellow.
    private static Ink ChangeInk(string change) => change switch
    {
        "widened" => Ink.Red,
        "narrowed" => Ink.Green,
        _ => Ink.Yellow,
    };

    private static string Name(Change change) => change.ToString().ToLowerInvariant();

    private static void Section(TextWriter output, Terminal terminal, IReadOnlyList<DiffEntry> changes, string section, string title, string[] headers, System.Func<DiffEntry, string[]> row)
    {
        var change = System.Array.IndexOf(headers, "change");
        var table = new TextTable(headers).Highlight(change, ChangeInk);
        foreach (var entry in changes.Where(e => e.Section == section))
        {
            table.Add(row(entry));
        }

        if (table.Count > 0)
        {
            output.Write("\n" + terminal.Paint(title + ":", Ink.Bold) + "\n");
            table.Write(output, terminal);
        }
    }
}
