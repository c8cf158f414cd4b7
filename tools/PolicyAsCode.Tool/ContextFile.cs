using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PolicyAsCode.Tool;

/// <summary>
/// The request context of <c>pac resolve --context</c>: <c>{ "jurisdiction": "EU", "facts": ["Minor"], "known": ["Minor", "RolePlay"] }</c>.
/// Facts are <see cref="Fact"/> member names; <c>known</c> defaults to <c>facts</c> (a fact said to hold is known), and
/// the facts that hold are always known. Every field is optional; no file means no jurisdiction and nothing known.
/// </summary>
internal static class ContextFile
{
    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    public static PolicyContext Read(string path)
    {
        var bytes = InputFiles.ReadBounded(path, "context");
        if (bytes.Length > InputFiles.MaxBytes)
        {
            throw Invalid(path, $"it is larger than {InputFiles.MaxBytes} bytes, the limit of a preferences file");
        }

        try
        {
            // A byte-order mark is skipped, as the preferences reader skips one.
            var utf8 = bytes.AsMemory();
            if (utf8.Span.StartsWith(ByteOrderMark))
            {
                utf8 = utf8[ByteOrderMark.Length..];
            }

            using var document = JsonDocument.Parse(utf8);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(path, "the document must be an object");
            }

            string? jurisdiction = null;
            Fact? facts = null, known = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                // JsonDocument keeps every duplicate and the last would win: a file saying two things is bad input.
                if (!seen.Add(property.Name))
                {
                    throw Invalid(path, $"the field \"{property.Name}\" is given twice");
                }

                switch (property.Name)
                {
                    case "jurisdiction":
                        jurisdiction = property.Value.ValueKind switch
                        {
                            JsonValueKind.String => property.Value.GetString(),
                            JsonValueKind.Null => null,
                            _ => throw Invalid(path, "\"jurisdiction\" must be a string"),
                        };
                        break;
                    case "facts":
                        facts = Facts(path, property);
                        break;
                    case "known":
                        known = Facts(path, property);
                        break;
                    default:
                        throw Invalid(path, $"unknown field \"{property.Name}\" (expected jurisdiction, facts, known)");
                }
            }

            var holds = facts ?? Fact.None;
            return new PolicyContext(jurisdiction, holds, (known ?? holds) | holds);
        }
        catch (JsonException e)
        {
            throw Invalid(path, "not valid JSON: " + LoadedPolicy.OneLine(e.Message));
        }
    }

    /// <summary>
    /// Checks that <paramref name="jurisdiction"/>, when given, is one of the policy's. An unknown one is bad input rather
    /// than a silent switch to every law at once (what a request naming it would get), since it is most often a typo;
    /// the message says both, and lists the known ones with the jurisdictions they sit within.
    /// </summary>
    public static void CheckJurisdiction(PolicyRegistry registry, string? jurisdiction)
    {
        if (jurisdiction is not null && registry.MatchJurisdiction(jurisdiction) < 0)
        {
            var known = Enumerable.Range(0, registry.Jurisdictions.Length).Select(j => Wording.Jurisdiction(registry.Shape, j));
            throw new PacInputException($"unknown jurisdiction {jurisdiction}; the policy {registry.Name} knows: {string.Join(", ", known)}. "
                + "A request naming any other jurisdiction applies every law at once.");
        }
    }

    private static Fact Facts(string path, JsonProperty property)
    {
        if (property.Value.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(path, $"\"{property.Name}\" must be an array of fact names");
        }

        var result = Fact.None;
        foreach (var item in property.Value.EnumerateArray())
        {
            var name = item.ValueKind == JsonValueKind.String ? item.GetString() : null;
            if (name is null || name == nameof(Fact.None) || !Enum.GetNames<Fact>().Contains(name, StringComparer.Ordinal))
            {
                throw Invalid(path, $"\"{property.Name}\" holds {item.GetRawText()}, not a fact; facts are {string.Join(", ", Enum.GetNames<Fact>().Where(n => n != nameof(Fact.None)))}");
            }

            result |= Enum.Parse<Fact>(name);
        }

        return result;
    }

    private static PacInputException Invalid(string path, string message) => new($"{path}: unreadable context file: {message}.");
}
