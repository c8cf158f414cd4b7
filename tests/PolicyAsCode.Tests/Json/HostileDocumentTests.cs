using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using QuickStart.Policies;
using Xunit;
using static PolicyAsCode.Json.PreferenceErrorKind;

namespace PolicyAsCode.Json.Tests;

/// <summary>Hand-written hostile documents, each with the errors (kind and path) it must produce, in order.</summary>
public sealed class HostileDocumentTests
{
    // A valid document giving every dimension a value that differs from its default.
    private static readonly (string Key, string Value)[] Base =
    [
        ("maturity", "\"Teen\""), ("tone", "\"Playful\""), ("verbosity", "\"Detailed\""), ("discloseAi", "false"),
        ("memoryDays", "7"), ("creativity", "0.75"), ("topics", "[\"Science\",\"History\"]"), ("language", "\"fr\""),
        ("avoidHazards", "[\"Hate\",\"Elections\"]"),
    ];

    private static readonly string BaseText = Object(Base);

    private static readonly PreferencesReaderOptions Roomy = new() { MaxBytes = 4 * 1024 * 1024 };

    /// <summary>A case: the document, the options, the expected errors, and the keys whose values it changes (null: a document-level case).</summary>
    public sealed record Case(string Name, byte[] Document, (PreferenceErrorKind Kind, string Path)[] Expected, string[]? Changes = null, PreferencesReaderOptions? Options = null)
    {
        public override string ToString() => Name;
    }

    private static Case Whole(string name, string text, params (PreferenceErrorKind, string)[] expected) => new(name, Invariants.Utf8(text), expected);

    private static Case Bytes(string name, byte[] bytes, params (PreferenceErrorKind, string)[] expected) => new(name, bytes, expected);

    // The base document with some keys' values replaced, or keys added at the end (a key may repeat).
    private static Case Edit(string name, (string Key, string Value)[] edits, params (PreferenceErrorKind, string)[] expected)
    {
        var members = Base.ToList();
        foreach (var (key, value) in edits)
        {
            var at = members.FindIndex(m => m.Key == key);
            if (at >= 0 && !edits.Take(Array.IndexOf(edits, (key, value))).Any(e => e.Key == key))
            {
                members[at] = (key, value);
            }
            else
            {
                members.Add((key, value));
            }
        }

        return new(name, Invariants.Utf8(Object(members)), expected, [.. edits.Select(e => e.Key)]);
    }

    private static Case One(string name, string key, string value, params (PreferenceErrorKind, string)[] expected) => Edit(name, [(key, value)], expected);

    private static string Object(IEnumerable<(string Key, string Value)> members) =>
        "{" + string.Join(",", members.Select(m => "\"" + m.Key + "\":" + m.Value)) + "}";

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    public static TheoryData<Case> Cases => [.. All()];

    private static IEnumerable<Case> All()
    {
        // Document-level: every dimension unreadable.
        yield return Whole("empty", "", (Syntax, "$"));
        yield return Whole("whitespace only", " \n\t\r ", (Syntax, "$"));
        yield return Whole("truncated before the end", BaseText[..^1], (Syntax, "$"));
        yield return Whole("truncated inside a string", BaseText[..20], (Syntax, "$"));
        yield return Whole("truncated after a colon", "{\"tone\":", (Syntax, "$"));
        yield return Whole("an open brace", "{", (Syntax, "$"));
        yield return Whole("root array", "[\"Teen\"]", (NotAnObject, "$"));
        yield return Whole("root string", "\"{}\"", (NotAnObject, "$"));
        yield return Whole("root number", "42", (NotAnObject, "$"));
        yield return Whole("root null", "null", (NotAnObject, "$"));
        yield return Whole("root true", "true", (NotAnObject, "$"));
        yield return Whole("two roots", "{} {}", (Syntax, "$"));
        yield return Whole("garbage after the root", BaseText + "x", (Syntax, "$"));
        yield return Whole("block comment", "{/* hi */\"tone\":\"Neutral\"}", (Syntax, "$"));
        yield return Whole("line comment", "{\"tone\":\"Neutral\" // hi\n}", (Syntax, "$"));
        yield return Whole("trailing comma in the object", "{\"tone\":\"Neutral\",}", (Syntax, "$"));
        yield return Whole("trailing comma in a set", "{\"topics\":[\"Science\",]}", (Syntax, "$"));
        yield return Whole("bare NaN", "{\"creativity\":NaN}", (Syntax, "$"));
        yield return Whole("bare Infinity", "{\"creativity\":Infinity}", (Syntax, "$"));
        yield return Whole("single quotes", "{'tone':'Neutral'}", (Syntax, "$"));
        yield return Whole("unquoted key", "{tone:\"Neutral\"}", (Syntax, "$"));
        yield return Whole("raw newline in a string", "{\"tone\":\"Neu\ntral\"}", (Syntax, "$"));
        yield return Whole("invalid escape", "{\"tone\":\"\\x41\"}", (Syntax, "$"));
        yield return Whole("leading zero", "{\"memoryDays\":07}", (Syntax, "$"));
        yield return Whole("plus sign", "{\"memoryDays\":+7}", (Syntax, "$"));
        yield return Whole("missing colon", "{\"tone\" \"Neutral\"}", (Syntax, "$"));
        yield return Whole("errors before a syntax error are kept", "{\"tone\":1,", (WrongType, "$.tone"), (Syntax, "$"));
        yield return Whole("nested arrays in an unknown value", "{\"x\":" + Nested(4) + "}", (UnknownProperty, "$.x"), (TooDeep, "$"));
        yield return Whole("nested objects in an unknown value", "{\"x\":{\"a\":{\"b\":{\"c\":{}}}}}", (UnknownProperty, "$.x"), (TooDeep, "$"));
        yield return Whole("10,000 nested arrays in a value", "{\"topics\":" + Nested(10_000) + "}", (WrongType, "$.topics[0]"), (TooDeep, "$"));
        yield return Whole("10,000 nested arrays as the root", Nested(10_000), (NotAnObject, "$"));
        yield return Whole("an array nested in a set", "{\"topics\":[[[[\"Science\"]]]]}", (WrongType, "$.topics[0]"), (TooDeep, "$"));
        yield return Whole("over 64 KiB", "{\"x\":\"" + new string('a', 70_000) + "\"}", (TooLarge, "$"));
        yield return Bytes("a NUL byte", [(byte)'{', 0, (byte)'}'], (Syntax, "$"));
        yield return Bytes("invalid UTF-8 after the root", [.. Invariants.Utf8("{}"), 0xFF], (Syntax, "$"));
        yield return Bytes("two byte-order marks", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}'], (Syntax, "$"));

        // Valid, with something unusual.
        yield return Whole("empty object", "{}");
        yield return Bytes("byte-order mark", [0xEF, 0xBB, 0xBF, .. Invariants.Utf8(BaseText)]);
        yield return Whole("escaped property name", "{\"\\u006demoryDays\":7}");
        yield return Whole("escaped member name", "{\"maturity\":\"\\u0054een\",\"topics\":[\"\\u0053cience\"]}");
        yield return Whole("white space everywhere", " {\n \"tone\" :\t\"Neutral\" ,\r\n \"topics\" : [ ] } \n");
        yield return One("bounds are not errors", "memoryDays", "4000");
        yield return One("negative zero", "creativity", "-0.0");
        yield return One("exponent in a real", "creativity", "7.5E-1");
        yield return One("the empty set", "topics", "[]");

        // One dimension unreadable.
        yield return One("null", "tone", "null", (WrongType, "$.tone"));
        yield return One("number for an enum", "tone", "2", (WrongType, "$.tone"));
        yield return One("string for a boolean", "discloseAi", "\"true\"", (WrongType, "$.discloseAi"));
        yield return One("number for a boolean", "discloseAi", "1", (WrongType, "$.discloseAi"));
        yield return One("fraction for an integer", "memoryDays", "1.5", (OutsideDomain, "$.memoryDays"));
        yield return One("3.0 for an integer", "memoryDays", "3.0", (OutsideDomain, "$.memoryDays"));
        yield return One("exponent for an integer", "memoryDays", "1e2", (OutsideDomain, "$.memoryDays"));
        yield return One("1e400 for an integer", "memoryDays", "1e400", (OutsideDomain, "$.memoryDays"));
        yield return One("above Int32", "memoryDays", "2147483648", (OutsideDomain, "$.memoryDays"));
        yield return One("below Int32", "memoryDays", "-2147483649", (OutsideDomain, "$.memoryDays"));
        yield return One("string for an integer", "memoryDays", "\"7\"", (WrongType, "$.memoryDays"));
        yield return One("1e400 for a real", "creativity", "1e400", (OutsideDomain, "$.creativity"));
        yield return One("400 digits for a real", "creativity", "1" + new string('0', 400), (OutsideDomain, "$.creativity"));
        yield return One("\"NaN\" for a real", "creativity", "\"NaN\"", (WrongType, "$.creativity"));
        yield return One("member name in the wrong case", "tone", "\"playful\"", (OutsideDomain, "$.tone"));
        yield return One("unknown member", "tone", "\"Angry\"", (OutsideDomain, "$.tone"));
        yield return One("member's number as a string", "tone", "\"2\"", (OutsideDomain, "$.tone"));
        yield return One("object for an enum", "tone", "{\"a\":[1]}", (WrongType, "$.tone"));
        yield return One("array for an enum", "maturity", "[\"Teen\"]", (WrongType, "$.maturity"));
        yield return One("unlisted string", "language", "\"EN\"", (OutsideDomain, "$.language"));
        yield return One("empty string", "language", "\"\"", (OutsideDomain, "$.language"));
        yield return One("lone surrogate escape in a value", "tone", "\"\\udc00\"", (OutsideDomain, "$.tone"));
        yield return One("string for a set", "topics", "\"Science\"", (WrongType, "$.topics"));
        yield return One("System.Text.Json's flag string for a set", "topics", "\"Science, History\"", (WrongType, "$.topics"));
        yield return One("boolean for a set", "topics", "true", (WrongType, "$.topics"));
        yield return One("a flag listed twice", "topics", "[\"Science\",\"History\",\"Science\"]", (OutsideDomain, "$.topics[2]"));
        yield return One("an unknown flag", "topics", "[\"Science\",\"Art\"]", (OutsideDomain, "$.topics[1]"));
        yield return One("None is no flag", "topics", "[\"None\"]", (OutsideDomain, "$.topics[0]"));
        yield return One("a number in a set", "topics", "[1]", (WrongType, "$.topics[0]"));
        yield return One("null in a set", "topics", "[\"Science\",null]", (WrongType, "$.topics[1]"));
        yield return One("an array in a set", "topics", "[[\"Science\"]]", (WrongType, "$.topics[0]"));
        yield return One("every element wrong", "avoidHazards", "[1,\"S1\",\"Hate\",\"Hate\",{}]",
            (WrongType, "$.avoidHazards[0]"), (OutsideDomain, "$.avoidHazards[1]"), (OutsideDomain, "$.avoidHazards[3]"), (WrongType, "$.avoidHazards[4]"));
        yield return Edit("a key given twice", [("tone", "\"Neutral\""), ("tone", "\"Friendly\"")], (DuplicateProperty, "$.tone"));
        yield return Edit("a key given three times", [("tone", "\"Neutral\""), ("tone", "1"), ("tone", "\"Friendly\"")], (DuplicateProperty, "$.tone"), (DuplicateProperty, "$.tone"));
        yield return Edit("an escaped duplicate", [("\\u0074one", "\"Neutral\"")], (DuplicateProperty, "$.tone")) with { Changes = ["tone"] };
        yield return Edit("two dimensions wrong", [("tone", "null"), ("memoryDays", "true")], (WrongType, "$.tone"), (WrongType, "$.memoryDays"));

        // Unknown properties: reported, skipped, no dimension unreadable.
        yield return One("a key in the wrong case", "Tone", "\"Neutral\"", (UnknownProperty, "$.Tone"));
        yield return One("an odd key", "odd name", "1", (UnknownProperty, "$['odd name']"));
        yield return One("a key with a quote", "it's\\\\", "1", (UnknownProperty, "$['it\\'s\\\\']"));
        yield return One("the empty key", "", "{}", (UnknownProperty, "$['']"));
        yield return One("a control character in a key", "a\\u0001", "1", (UnknownProperty, "$['a\\u0001']"));
        yield return One("a lone surrogate in a key", "\\ud800", "1", (UnknownProperty, "$['\\ud800']"));
        yield return One("a 1,000-character key", new string('k', 1000), "1", (UnknownProperty, "$['" + new string('k', 64) + "…']"));
        yield return new Case("a 1 MB string value", Invariants.Utf8(Object([.. Base, ("language", "\"" + new string('x', 1 << 20) + "\"")])),
            [(DuplicateProperty, "$.language")], ["language"], Roomy);
        yield return new Case("a 1 MB member name", Invariants.Utf8(Object([.. Base.Where(b => b.Key != "tone"), ("tone", "\"" + new string('x', 1 << 20) + "\"")])),
            [(OutsideDomain, "$.tone")], ["tone"], Roomy);
        yield return Bytes("invalid UTF-8 in a value", [.. Invariants.Utf8("{\"tone\":\""), 0xC3, 0x28, .. Invariants.Utf8("\"}")], (OutsideDomain, "$.tone"));
        yield return Bytes("invalid UTF-8 in a key", [.. Invariants.Utf8("{\""), 0xFF, 0xFE, .. Invariants.Utf8("\":1}")], (UnknownProperty, "$['\uFFFD\uFFFD']"));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_each_error_with_its_path_and_fails_closed(Case hostile)
    {
        var (baseline, _) = Invariants.Check(Invariants.Utf8(BaseText), PolicyContext.In("EU"));
        Assert.True(baseline!.IsValid);
        var baseValues = LearnerPreferences.Encode(baseline.Requested);

        foreach (var context in Invariants.Contexts)
        {
            var (result, broken) = Invariants.Check(hostile.Document, in context, hostile.Options);
            Assert.True(broken is null, broken);
            Assert.Equal(hostile.Expected, result!.Errors.Select(e => (e.Kind, e.Path)));

            var documentLevel = result.Errors.Any(e => e.Kind is Syntax or TooLarge or TooDeep or NotAnObject);
            var expectedUnreadable = documentLevel
                ? Invariants.All
                : result.Errors.Where(e => e.Dimension >= 0).Select(e => e.Dimension).Distinct();
            Assert.Equal(expectedUnreadable.Order(), Invariants.All.Where(result.Unreadable.Contains));

            // Every dimension the case did not touch keeps the base document's value (or its default, outside the base).
            if (hostile.Changes is { } changes)
            {
                var values = LearnerPreferences.Encode(result.Requested);
                foreach (var dimension in Invariants.Registry.Dimensions.Where(d => !changes.Contains(PreferenceNames.JsonName(d.Name))))
                {
                    Assert.Equal(baseValues[dimension.Index], values[dimension.Index]);
                }
            }

            // Fail-closed: in a context without waivers, each unreadable dimension gets the strictest value allowed.
            if (!context.Establishes(Fact.RolePlay))
            {
                var effective = LearnerPreferences.Encode(LearnerPreferences.Resolve(result.Requested, in context, result.Unreadable).Effective);
                foreach (var d in Invariants.All.Where(result.Unreadable.Contains))
                {
                    var dimension = Invariants.Registry.Dimensions[d];
                    Assert.Equal(Lattice.Strictest(Invariants.Interpreter.Allowed(d, in context), dimension.HigherIsStricter), effective[d]);
                }
            }
        }
    }

    [Fact]
    public void There_are_at_least_fifty_hostile_cases() => Assert.True(All().Count() >= 50, $"{All().Count()} cases");

    [Fact]
    public void Errors_are_capped_and_the_cap_is_reported()
    {
        var document = "{" + string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"\"k{i}\":1")) + ",\"tone\":null}";
        var (result, broken) = Invariants.Check(Invariants.Utf8(document), PolicyContext.In("EU"), Roomy);

        Assert.Null(broken);
        Assert.Equal(PreferencesReaderOptions.DefaultMaxErrors, result!.Errors.Count);
        Assert.True(result.TooManyErrors);
        Assert.False(result.IsValid);
        Assert.True(result.Unreadable.Contains(1), "an error past the cap still makes its dimension unreadable");

        var small = LearnerPreferences.ReadPreferences(Invariants.Utf8(document), PolicyContext.In("EU"), new PreferencesReaderOptions { MaxErrors = 3, MaxBytes = 1 << 20 });
        Assert.Equal(3, small.Errors.Count);
    }

    [Fact]
    public void Limits_are_configurable()
    {
        var deep = Invariants.Utf8("{\"x\":[[[[[1]]]]]}");
        Assert.Equal(TooDeep, LearnerPreferences.ReadPreferences(deep, PolicyContext.In("EU")).Errors[^1].Kind);
        Assert.Equal([UnknownProperty], LearnerPreferences.ReadPreferences(deep, PolicyContext.In("EU"), new() { MaxDepth = 6 }).Errors.Select(e => e.Kind));
        Assert.Equal([TooLarge], LearnerPreferences.ReadPreferences(Invariants.Utf8(BaseText), PolicyContext.In("EU"), new() { MaxBytes = 10 }).Errors.Select(e => e.Kind));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PreferencesReaderOptions { MaxDepth = 1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new PreferencesReaderOptions { MaxErrors = 0 });
    }

    [Fact]
    public void Absent_dimensions_hold_the_defaults_of_the_context()
    {
        foreach (var context in Invariants.Contexts)
        {
            var result = LearnerPreferences.ReadPreferences("{}"u8, in context);
            Assert.True(result.IsValid);
            Assert.Equal(LearnerPreferences.Defaults(in context), result.Requested);
            Assert.Equal(Invariants.Interpreter.Defaults(in context), PreferencesJson.Read(Invariants.Registry, "{}"u8, in context).Requested);
        }
    }

    [Fact]
    public void The_base_document_reads_every_value()
    {
        var result = LearnerPreferences.ReadPreferences(Invariants.Utf8(BaseText), PolicyContext.In("EU"));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(
            new LearnerPreferences
            {
                Maturity = Maturity.Teen, Tone = Tone.Playful, Verbosity = Verbosity.Detailed, DiscloseAi = false, MemoryDays = 7, Creativity = 0.75,
                Topics = Topics.Science | Topics.History, Language = "fr", AvoidHazards = Hazard.Hate | Hazard.Elections,
            },
            result.Requested);
    }

    [Fact]
    public void Json_names_are_camel_case_with_an_invariant_first_letter()
    {
        Assert.Equal("memoryDays", PreferenceNames.JsonName("MemoryDays"));
        Assert.Equal("discloseAi", PreferenceNames.JsonName("DiscloseAi"));
        Assert.Equal("_Offset", PreferenceNames.JsonName("_Offset"));
        Assert.Equal("größe", PreferenceNames.JsonName("Größe"));
        Assert.Equal("x", PreferenceNames.JsonName("X"));
        Assert.Equal(string.Empty, PreferenceNames.JsonName(string.Empty));
    }
}
