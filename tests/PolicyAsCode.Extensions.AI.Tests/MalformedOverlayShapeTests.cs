using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Extensions.Configuration;
using PolicyAsCode.Runtime;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Extensions.AI.Tests;

/// <summary>Issue 19, point 4: an overlay written in a shape it does not have is rejected with its path, never read as something else.</summary>
public class MalformedOverlayShapeTests
{
    [Theory]
    [InlineData("""{ "Maturity": { "AtMost": { "x": "General" } } }""", "Overlay:Maturity:AtMost: expected a value or a list of values, found an object with key 'x'")]
    [InlineData("""{ "Language": { "Allowed": { "0": "en", "5": "de" } } }""", "Overlay:Language:Allowed: expected a value or a list of values, found an object with key '5'")]
    [InlineData("""{ "Language": { "Allowed": { "00": "en" } } }""", "Overlay:Language:Allowed: expected a value or a list of values, found an object with key '00'")]
    [InlineData("""{ "Language": { "Allowed": [["en"], "de"] } }""", "Overlay:Language:Allowed:0: expected a value, found an object or a list")]
    [InlineData("""{ "Maturity": { "AtMost": [{ "x": "General" }] } }""", "Overlay:Maturity:AtMost:0: expected a value, found an object or a list")]
    [InlineData("""{ "ForbidHazards": { "a": "S1" } }""", "Overlay:ForbidHazards: expected a value or a list of values, found an object with key 'a'")]
    [InlineData("""{ "Maturity": { "AtMost": "General", "When": { "Minor": true } } }""", "Overlay:Maturity:When: expected a value or a list of values, found an object with key 'Minor'")]
    [InlineData("""{ "Organisation": { "name": "contoso-learning" }, "Maturity": { "AtMost": "General" } }""", "Overlay:Organisation: expected a single value, found an object or a list")]
    [InlineData("""{ "Maturity": { "AtMost": "General", "Reason": ["a", "b"] } }""", "Overlay:Maturity:Reason: expected a single value, found an object or a list")]
    [InlineData("""{ "ForbidReason": { "why": "x" }, "ForbidHazards": "S1" }""", "Overlay:ForbidReason: expected a single value, found an object or a list")]
    public void A_malformed_shape_is_rejected_with_its_configuration_path(string json, string expected)
    {
        var overlay = PolicyOverlay.FromConfiguration(Section(json));
        Assert.Contains(expected, overlay.Problems);
        var compilation = PolicyOverlayCompiler.Compile(LearnerPreferences.Registry, overlay);
        Assert.False(compilation.Succeeded);
        Assert.Contains(compilation.Errors, e => e.Message == expected);
    }

    [Theory]
    [InlineData("""{ "Maturity": { "AtMost": 1 } }""", "Maturity: '1' is not one of General, Teen, Mature")]
    [InlineData("""{ "DiscloseAi": { "Locked": 1 } }""", "DiscloseAi: '1' is not true or false")]
    [InlineData("""{ "MemoryDays": { "AtMost": true } }""", "MemoryDays: 'True' is not an integer")]
    [InlineData("""{ "Maturity": "General" }""", "Maturity: expected an object with AtMost, AtLeast, Between, Locked or Allowed, found 'General'")]
    [InlineData("""{ "Jurisdictions": { "DE": ["MemoryDays"] } }""", "0 in DE: expected an object with AtMost")]
    public void Numbers_where_names_go_and_values_where_objects_go_are_rejected(string json, string expected)
    {
        var compilation = PolicyOverlayCompiler.Compile(LearnerPreferences.Registry, PolicyOverlay.FromConfiguration(Section(json)));
        Assert.False(compilation.Succeeded);
        Assert.Contains(compilation.Errors, e => e.Message.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Well_formed_lists_still_read_in_order()
    {
        var overlay = PolicyOverlay.FromConfiguration(Section("""{ "Language": { "Allowed": ["en", "de"] }, "ForbidHazards": ["S1", "S2"] }"""));
        Assert.Empty(overlay.Problems);
        Assert.Equal(["en", "de"], overlay.Bounds.Single().Values.ToArray());
        Assert.Equal(["S1", "S2"], overlay.ForbidHazards.ToArray());
    }

    private static IConfigurationSection Section(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes("""{ "Overlay": """ + json + " }"))).Build().GetSection("Overlay");
}
