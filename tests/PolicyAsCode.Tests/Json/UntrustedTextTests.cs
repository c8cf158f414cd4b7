using System.Linq;
using System.Text;
using QuickStart.Policies;
using Xunit;
using static PolicyAsCode.Json.PreferenceErrorKind;

namespace PolicyAsCode.Json.Tests;

/// <summary>
/// Text from an untrusted document never reaches a terminal or a log raw: every path and message the reader writes
/// shows control characters, C1 controls, line separators, bidirectional controls and lone surrogates as <c>\uXXXX</c>
/// escapes, so printing an error cannot clear a screen, colour it, forge a line or reorder what is around it. The fuzz
/// test checks the same on every document (<see cref="Invariants.Unsafe"/>).
/// </summary>
public sealed class UntrustedTextTests
{
    private static readonly PolicyContext Context = PolicyContext.In("EU");

    public static TheoryData<string, string, string, string> Cases => new()
    {
        // document (JSON text), expected path, expected start of the message
        { "{\"\\u001b[2J\\u001b[1;31mRED\":0}", "$['\\u001b[2J\\u001b[1;31mRED']", "\"\\u001b[2J\\u001b[1;31mRED\" names no dimension", "escape sequences in a name" },
        { "{\"a\\nMaturity  Mature  Mature  as asked\":0}", "$['a\\u000aMaturity  Mature  Mature  as asked']", "\"a\\u000aMaturity", "a line break in a name" },
        { "{\"a\u0085b\u009b31m\u007f\":0}", "$['a\\u0085b\\u009b31m\\u007f']", "\"a\\u0085b\\u009b31m\\u007f\"", "raw C1 controls and DEL in a name" },
        { "{\"x\u2028y\u2029z\":0}", "$['x\\u2028y\\u2029z']", "\"x\\u2028y\\u2029z\"", "raw line and paragraph separators" },
        { "{\"abc\u202edcba\u2066\u200f\":0}", "$['abc\\u202edcba\\u2066\\u200f']", "\"abc\\u202edcba\\u2066\\u200f\"", "raw bidirectional controls (Trojan Source)" },
        { "{\"\\udc00\\ud800\":0}", "$['\\udc00\\ud800']", "\"\\udc00\\ud800\"", "lone surrogates, both halves" },
        { "{\"quote\\\"and\\\\slash'\":0}", "$['quote\"and\\\\slash\\'']", "\"quote\\\"and\\\\slash'\" names", "quotes and backslashes in a name" },
        { "{\"tone\":\"\\u001b]0;owned\\u0007\"}", "$.tone", "tone: \"\\u001b]0;owned\\u0007\" must be one of", "escape sequences in a member value" },
        { "{\"topics\":[\"\\r\\nFORGED\"]}", "$.topics[0]", "topics[0]: \"\\u000d\\u000aFORGED\" must be one of", "a line break in a flag name" },
        { "{\"😀😀\\u001b\":0}", "$['😀😀\\u001b']", "\"😀😀\\u001b\"", "surrogate pairs kept, controls escaped" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Error_messages_and_paths_escape_every_character_a_terminal_acts_on(string document, string path, string message, string why)
    {
        foreach (var errors in Read(Encoding.UTF8.GetBytes(document)))
        {
            var error = Assert.Single(errors);
            Assert.Equal(path, error.Path);
            Assert.StartsWith(message, error.Message);
            Assert.True(Invariants.Unsafe(error) is null, $"{why}: {Invariants.Unsafe(error)}");
        }
    }

    [Fact]
    public void A_name_of_escapes_is_cut_where_it_is_shown_so_escaping_cannot_lengthen_a_message()
    {
        var document = "{\"" + string.Concat(Enumerable.Repeat("\\u001b", 200)) + "\":0}";
        foreach (var errors in Read(Encoding.UTF8.GetBytes(document)))
        {
            var error = Assert.Single(errors);
            Assert.Equal("$['" + string.Concat(Enumerable.Repeat("\\u001b", 10)) + "…']", error.Path);
            Assert.Equal("\"" + string.Concat(Enumerable.Repeat("\\u001b", 10)) + "…\" names no dimension; it is ignored.", error.Message);
        }
    }

    [Theory]
    [InlineData("{\"x\":tr\u001bue}")]
    [InlineData("{\"x\":\"a\u001b[2Jb\"}")]
    [InlineData("{\"x\":1}\u001b[2J")]
    [InlineData("{\"x\":nul\u009bl}")]
    [InlineData("{\"x\":\u2028}")]
    [InlineData("{\u202e\"x\":1}")]
    [InlineData("\u001b[2J")]
    public void The_parsers_own_message_is_escaped_too(string document)
    {
        foreach (var errors in Read(Encoding.UTF8.GetBytes(document)))
        {
            Assert.Contains(errors, e => e.Kind == Syntax);
            Assert.All(errors, e => Assert.True(Invariants.Unsafe(e) is null, Invariants.Unsafe(e)));
        }
    }

    // The errors of both readers.
    private static PreferenceError[][] Read(byte[] document) =>
    [
        [.. LearnerPreferences.ReadPreferences(document, Context).Errors],
        [.. PreferencesJson.Read(LearnerPreferences.Registry, document, Context).Errors],
    ];
}
