using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using QuickStart.Policies;
using Xunit;
using static PolicyAsCode.Json.PreferenceErrorKind;

namespace PolicyAsCode.Json.Tests;

/// <summary>
/// The reader unescapes names itself (so that no name throws); it must match exactly what <c>Utf8JsonReader</c>
/// unescapes: every escaped spelling of a name or member, and nothing where System.Text.Json cannot unescape (a lone surrogate).
/// </summary>
public sealed class EscapedNameTests
{
    private static readonly string[] Escapes = ["\\u0074", "\\u006F", "\\u006e", "\\u0065", "\\ud800", "\\udc00", "\\ud83d\\ude00", "\\n", "\\/", "\\\\", "\\\"", "\\u00e9", "t", "o", "n", "e"];

    [Fact]
    public void Escaped_names_and_members_match_as_Utf8JsonReader_unescapes_them()
    {
        var random = new Random(19);
        var matched = 0;
        for (var i = 0; i < 20_000; i++)
        {
            // Mostly spellings of "tone" and "Neutral"; some with lone surrogates or other characters.
            var name = string.Concat(Enumerable.Range(0, 1 + random.Next(6)).Select(_ => Escapes[random.Next(Escapes.Length)]));
            if (random.Next(3) == 0)
            {
                name = string.Concat("tone".Select(c => random.Next(2) == 0 ? $"\\u{(int)c:x4}" : c.ToString()));
            }

            var expected = Unescaped(name);
            var asName = LearnerPreferences.ReadPreferences(Invariants.Utf8($"{{\"{name}\":\"Neutral\"}}"), PolicyContext.In("EU"));
            Assert.Equal(expected == "tone", !asName.Errors.Any(e => e.Kind == UnknownProperty));
            matched += expected == "tone" ? 1 : 0;

            var member = name.Replace("tone", "Neutral", StringComparison.Ordinal);
            var asMember = PreferencesJson.Read(LearnerPreferences.Registry, Invariants.Utf8($"{{\"tone\":\"{member}\"}}"), PolicyContext.In("EU"));
            Assert.Equal(Unescaped(member) == "Neutral", asMember.IsValid);
        }

        Assert.True(matched > 1_000, $"only {matched} spellings of the name");
    }

    // What System.Text.Json makes of the JSON string text, or null where it throws.
    private static string? Unescaped(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes($"\"{text}\""));
        reader.Read();
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
