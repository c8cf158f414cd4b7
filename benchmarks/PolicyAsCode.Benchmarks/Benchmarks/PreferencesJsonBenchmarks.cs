using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using PolicyAsCode.Json;
using QuickStart.Policies;

namespace PolicyAsCode.Benchmarks.Benchmarks;

/// <summary>Which preferences document is read.</summary>
public enum PreferencesDocument
{
    /// <summary>Every one of the 9 dimensions, both sets with two flags.</summary>
    Full,

    /// <summary>Three dimensions; the rest keep their defaults.</summary>
    Sparse,
}

/// <summary>
/// Reading one QuickStart preferences document: System.Text.Json's reflection-based <c>JsonSerializer.Deserialize</c>
/// (camel case, string enums; the baseline), the generated <c>ReadPreferences</c>, the registry-driven
/// <c>PreferencesJson.Read</c>, and as the floor a bare <c>Utf8JsonReader</c> walk over the same bytes. STJ reads [Flags] enums from one comma-separated string, so it is given the same
/// document with <c>"topics":"Science, History"</c> in place of the array; every other byte is the same. Its options
/// are created once, so its metadata cache is warm. It does less than the preferences readers: no domain checks (any
/// number is an enum), no duplicate or unknown-property errors, no paths, no context defaults.
/// </summary>
[MemoryDiagnoser]
public class PreferencesJsonRead
{
    private static readonly JsonSerializerOptions StjOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly PolicyContext Context = PolicyContext.In("EU");

    private byte[] _document = null!;
    private byte[] _stjDocument = null!;

    [ParamsAllValues]
    public PreferencesDocument Document { get; set; }

    /// <summary>The document the preferences readers read, and its variant for System.Text.Json.</summary>
    public static (byte[] Preferences, byte[] Stj) Documents(PreferencesDocument document) => document switch
    {
        PreferencesDocument.Full => (
            Encoding.UTF8.GetBytes("""{"maturity":"Teen","tone":"Playful","verbosity":"Detailed","discloseAi":true,"memoryDays":7,"creativity":0.75,"topics":["Science","History"],"language":"fr","avoidHazards":["Hate","Elections"]}"""),
            Encoding.UTF8.GetBytes("""{"maturity":"Teen","tone":"Playful","verbosity":"Detailed","discloseAi":true,"memoryDays":7,"creativity":0.75,"topics":"Science, History","language":"fr","avoidHazards":"Hate, Elections"}""")),
        _ => (
            Encoding.UTF8.GetBytes("""{"tone":"Playful","memoryDays":7,"topics":["Science","History"]}"""),
            Encoding.UTF8.GetBytes("""{"tone":"Playful","memoryDays":7,"topics":"Science, History"}""")),
    };

    /// <summary>Whether the three readers give the same preferences for <paramref name="document"/>; the benchmark refuses to run otherwise.</summary>
    public static bool Agree(PreferencesDocument document, out string detail)
    {
        var (preferences, stj) = Documents(document);
        var generated = LearnerPreferences.ReadPreferences(preferences, Context);
        var registry = PreferencesJson.Read(LearnerPreferences.Registry, preferences, Context);
        var reflected = JsonSerializer.Deserialize<LearnerPreferences>(stj, StjOptions);
        detail = $"generated {generated.Requested}, System.Text.Json {reflected}";
        return generated.IsValid && registry.IsValid && generated.Requested == reflected
            && LearnerPreferences.Encode(generated.Requested).AsSpan().SequenceEqual(registry.Requested);
    }

    [GlobalSetup]
    public void Setup()
    {
        if (!Agree(Document, out var detail))
        {
            throw new InvalidOperationException("The readers disagree: " + detail);
        }

        (_document, _stjDocument) = Documents(Document);
    }

    [Benchmark(Baseline = true)]
    public LearnerPreferences? SystemTextJson() => JsonSerializer.Deserialize<LearnerPreferences>(_stjDocument, StjOptions);

    [Benchmark]
    public PreferencesReadResult<LearnerPreferences> Generated() => LearnerPreferences.ReadPreferences(_document, Context);

    /// <summary>
    /// The floor of any reader built on <c>Utf8JsonReader</c>, the generated one and System.Text.Json's included: walking
    /// the document's tokens and doing nothing with them.
    /// </summary>
    [Benchmark]
    public int TokensOnly()
    {
        var reader = new Utf8JsonReader(_document);
        var n = 0;
        while (reader.Read())
        {
            n++;
        }

        return n;
    }

    [Benchmark]
    public PreferencesReadResult<DimensionValue[]> RegistryDriven() => PreferencesJson.Read(LearnerPreferences.Registry, _document, Context);
}
