using System;
using System.Buffers;
using System.Linq;
using System.Text.Json;
using CsCheck;
using PolicyAsCode.Json.Tests.Odd;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Json.Tests;

/// <summary>The writer's output reads back to the same preferences with no error, through both readers, for every kind.</summary>
public sealed class RoundTripTests
{
    private static readonly string[] Languages = ["en", "fr", "de", "es", "nl"];
    private static readonly string[] Sizes = ["é", "a\"b", "x y", "Ünïcödé", "E"];

    internal static LearnerPreferences RandomPreferences(Random random) => new()
    {
        Maturity = (Maturity)random.Next(3),
        Tone = (Tone)random.Next(4),
        Verbosity = (Verbosity)random.Next(3),
        DiscloseAi = random.Next(2) == 0,
        MemoryDays = random.Next(4) switch { 0 => int.MinValue, 1 => int.MaxValue, _ => random.Next(-100, 100) },
        Creativity = random.Next(4) switch { 0 => -0.0, 1 => double.MaxValue, 2 => double.Epsilon, _ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-300, 300)) },
        Topics = (Topics)random.Next(64),
        Language = Languages[random.Next(Languages.Length)],
        AvoidHazards = (Hazard)((ulong)random.NextInt64() & (ulong)Invariants.Registry.Dimensions[8].Domain.Ceiling),
    };

    private static OddPreferences RandomOdd(Random random) => new()
    {
        Level = new[] { Level.Low, Level.Mid, Level.High }[random.Next(3)],
        _Offset = random.Next(),
        Channels = (Channels)random.Next(8),
        Größe = Sizes[random.Next(Sizes.Length)],
        Ratio = random.NextDouble() * 1e10,
        Safe = random.Next(2) == 0,
    };

    private static byte[] Write<T>(T preferences)
        where T : class, IUserTierPolicy<T>
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            T.WritePreferences(writer, preferences);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void RoundTrips<T>(T preferences)
        where T : class, IUserTierPolicy<T>
    {
        var context = PolicyContext.In("EU");
        var document = Write(preferences);
        var read = T.ReadPreferences(document, in context);
        Assert.True(read.IsValid, string.Join("; ", read.Errors) + " in " + System.Text.Encoding.UTF8.GetString(document));
        Assert.Equal(T.Encode(preferences), T.Encode(read.Requested));
        Assert.True(read.Unreadable.IsEmpty);

        var registryRead = PreferencesJson.Read(T.Registry, document, in context);
        Assert.True(registryRead.IsValid);
        Assert.Equal(T.Encode(preferences), registryRead.Requested);

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            PreferencesJson.Write(writer, T.Registry, T.Encode(preferences));
        }

        Assert.Equal(document, buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void QuickStart_preferences_round_trip() =>
        Gen.Int.Sample(seed => RoundTrips(RandomPreferences(new Random(seed))), iter: 5_000);

    [Fact]
    public void Preferences_with_odd_names_and_composite_flags_round_trip() =>
        Gen.Int.Sample(seed => RoundTrips(RandomOdd(new Random(seed))), iter: 5_000);

    [Fact]
    public void The_writer_names_every_dimension_in_camel_case()
    {
        var text = System.Text.Encoding.UTF8.GetString(Write(new OddPreferences { Channels = Channels.Both | Channels.Video, Größe = "a\"b" }));

        Assert.Equal("{\"level\":\"Low\",\"_Offset\":0,\"channels\":[\"Text\",\"Voice\",\"Video\"],\"größe\":\"a\\u0022b\",\"ratio\":0,\"safe\":true}",
            text.Replace("\\u00F6", "ö", StringComparison.Ordinal).Replace("\\u00DF", "ß", StringComparison.Ordinal));
    }

    [Fact]
    public void Explanations_name_a_set_as_the_writer_does()
    {
        var channels = OddPreferences.Registry.Dimensions.Single(d => d.Name == "Channels");

        // Both (Text | Voice) is declared after Text and Voice, so it adds no flag and is never named; a bit no member
        // holds is shown in hexadecimal, since no name makes it.
        Assert.Equal("Text | Voice | Video", channels.Format(DimensionValue.OfMask((ulong)(Channels.Both | Channels.Video))));
        Assert.Equal("Voice | 0x8", channels.Format(DimensionValue.OfMask(0xA)));
        Assert.Equal("none", channels.Format(DimensionValue.OfMask(0)));
    }

    [Fact]
    public void Odd_names_match_through_both_readers()
    {
        var context = PolicyContext.In("XX");
        var document = "{\"gr\\u00f6\\u00dfe\":\"\\u00dcn\\u00efc\\u00f6d\\u00e9\",\"channels\":[\"Both\",\"Video\"],\"_Offset\":9,\"level\":\"High\",\"Level\":1}"u8;
        var read = OddPreferences.ReadPreferences(document, in context);
        var registryRead = PreferencesJson.Read(OddPreferences.Registry, document, in context);

        Assert.Equal([(PreferenceErrorKind.UnknownProperty, "$.Level")], read.Errors.Select(e => (e.Kind, e.Path)));
        Assert.Equal("Ünïcödé", read.Requested.Größe);
        Assert.Equal(Channels.Both | Channels.Video, read.Requested.Channels);
        Assert.Equal(Level.High, read.Requested.Level);
        Assert.Equal(9, read.Requested._Offset);
        Assert.Equal(OddPreferences.Encode(read.Requested), registryRead.Requested);
        Assert.Equal(read.Errors, registryRead.Errors);

        // In bounds the law clamps; out of the domain nothing is read.
        var resolved = OddPreferences.Resolve(read.Requested, in context, read.Unreadable);
        Assert.Equal(Level.Mid, resolved.Effective.Level);
        Assert.Equal(5, resolved.Effective._Offset);
    }

    [Fact]
    public void Values_outside_the_domain_cannot_be_written()
    {
        Assert.Throws<ArgumentException>(() => Write(new LearnerPreferences { Maturity = (Maturity)17 }));
        Assert.Throws<ArgumentException>(() => Write(new LearnerPreferences { Language = "xx" }));
        Assert.Throws<ArgumentException>(() => Write(new LearnerPreferences { Creativity = double.NaN }));
        Assert.Throws<ArgumentException>(() => Write(new LearnerPreferences { Topics = (Topics)128 }));
    }
}
