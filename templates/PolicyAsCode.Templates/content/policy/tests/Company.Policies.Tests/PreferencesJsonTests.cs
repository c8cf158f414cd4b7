using System.Buffers;
using System.Text.Json;
using PolicyAsCode.Documents;
using PolicyAsCode.Json;

namespace Company.Policies.Tests;

/// <summary>Users' settings as JSON: what a settings UI sends, what it is offered, and what the service stores.</summary>
public class PreferencesJsonTests
{
    [Fact]
    public void A_settings_document_is_read_and_what_it_leaves_out_keeps_its_default()
    {
        var read = UserPreferences.ReadPreferences("""{"tone":"Playful","memoryDays":7}"""u8, Contexts.Adult());

        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        Assert.Equal(UserPreferences.Defaults(Contexts.Adult()) with { Tone = Tone.Playful, MemoryDays = 7 }, read.Requested);
    }

    [Fact]
    public void Untrusted_input_is_reported_with_its_path_and_the_dimension_fails_closed()
    {
        var context = Contexts.Adult();
        var read = UserPreferences.ReadPreferences("""{"memoryDays":"forever","colour":"red"}"""u8, context);

        Assert.False(read.IsValid);
        Assert.Contains(read.Errors, e => e.Path == "$.memoryDays" && e.Kind == PreferenceErrorKind.WrongType);
        Assert.Contains(read.Errors, e => e.Path == "$.colour" && e.Kind == PreferenceErrorKind.UnknownProperty);

        var resolution = UserPreferences.Resolve(read.Requested, context, read.Unreadable);
        Assert.Equal(0, resolution.Effective.MemoryDays);
        Assert.Contains(resolution.Adjustments, a => a.Cause == AdjustmentCause.FailedClosed && a.Dimension.Name == "MemoryDays");
    }

    [Fact]
    public void What_the_service_stores_reads_back_unchanged()
    {
        var stored = new UserPreferences { Tone = Tone.Playful, MemoryDays = 7, AvoidHazards = Hazard.Hate | Hazard.Elections };
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            UserPreferences.WritePreferences(writer, stored);
        }

        var read = UserPreferences.ReadPreferences(buffer.WrittenSpan, Contexts.Adult());

        Assert.True(read.IsValid, string.Join("; ", read.Errors));
        Assert.Equal(stored, read.Requested);
    }

    [Fact]
    public void Every_jurisdictions_schema_offers_only_what_the_tiers_allow()
    {
        foreach (var jurisdiction in UserPreferences.Registry.Jurisdictions)
        {
            var schema = PreferencesSchema.Create(UserPreferences.Registry, Contexts.Adult(jurisdiction));
            var maturity = schema["properties"]!["maturity"]!;

            Assert.Equal(["General", "Teen"], maturity["enum"]!.AsArray().Select(m => m!.GetValue<string>()));
            Assert.False(schema["additionalProperties"]!.GetValue<bool>());
        }
    }
}
