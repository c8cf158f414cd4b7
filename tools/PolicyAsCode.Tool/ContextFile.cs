using System;
using System.IO;
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
    public static PolicyContext Read(string path)
    {
        var bytes = InputFiles.ReadAll(path, "context");
        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(path, "the document must be an object");
            }

            string? jurisdiction = null;
            Fact? facts = null, known = null;
            foreach (var property in document.RootElement.EnumerateObject())
            {
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

/// <summary>Reading the files pac is given, with one-line errors.</summary>
internal static class InputFiles
{
    public static byte[] ReadAll(string path, string what)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new PacInputException(File.Exists(path) ? $"{path}: the {what} file could not be read: {LoadedPolicy.OneLine(e.Message)}" : $"{path}: no such {what} file.", e);
        }
    }
}
