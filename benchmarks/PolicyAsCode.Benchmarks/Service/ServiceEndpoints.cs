using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PolicyAsCode.AspNetCore;
using QuickStart.Policies;

namespace PolicyAsCode.Benchmarks.Service;

/// <summary>
/// The two endpoints measured against each other. Both sign the user in (the same handler), read the user's stored
/// document from the same store and write the same small answer; only the middle differs. <see cref="Plain"/> reads
/// the document as a service without the policy would (System.Text.Json, source-generated, into a plain record), and
/// <see cref="Personalised"/> asks the package for the request's resolution (context from claims, store read,
/// <c>ReadPreferences</c>, <c>Resolve</c>) and answers with the effective values.
/// </summary>
public static class ServiceEndpoints
{
    /// <summary>The policy name the store is keyed by.</summary>
    public static string Policy => LearnerPreferences.Registry.Name;

    /// <summary><c>GET /plain</c>: the user's stored preferences as saved, no policy.</summary>
    public static async Task Plain(HttpContext http)
    {
        var userId = http.User.Identity?.IsAuthenticated == true ? http.User.FindFirst(ClaimTypes.NameIdentifier)?.Value : null;
        if (userId is null)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var store = http.RequestServices.GetRequiredService<IPreferencesStore>();
        var stored = await store.FindAsync(Policy, userId, http.RequestAborted);
        var saved = (stored is null ? null : JsonSerializer.Deserialize(stored.Json, PlainJson.Default.PlainPreferences)) ?? new PlainPreferences();
        await WriteAsync(http, new Answer(saved.Maturity, saved.Tone, saved.Verbosity, saved.DiscloseAi, saved.MemoryDays, saved.Creativity, saved.Language));
    }

    /// <summary><c>GET /personalised</c>: the user's effective preferences under the policy.</summary>
    public static async Task Personalised(HttpContext http)
    {
        var current = http.RequestServices.GetRequiredService<CurrentResolution<LearnerPreferences>>();
        var user = await current.GetAsync(http.RequestAborted);
        if (user.UserId is null)
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var effective = user.Resolution.Effective;
        await WriteAsync(http, new Answer(
            effective.Maturity.ToString(), effective.Tone.ToString(), effective.Verbosity.ToString(), effective.DiscloseAi,
            effective.MemoryDays, effective.Creativity, effective.Language));
    }

    private static async Task WriteAsync(HttpContext http, Answer answer)
    {
        http.Response.ContentType = "application/json";
        await using (var json = new Utf8JsonWriter(http.Response.BodyWriter))
        {
            json.WriteStartObject();
            json.WriteString("maturity", answer.Maturity);
            json.WriteString("tone", answer.Tone);
            json.WriteString("verbosity", answer.Verbosity);
            json.WriteBoolean("discloseAi", answer.DiscloseAi);
            json.WriteNumber("memoryDays", answer.MemoryDays);
            json.WriteNumber("creativity", answer.Creativity);
            json.WriteString("language", answer.Language);
            json.WriteEndObject();
        }

        await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
    }

    private readonly record struct Answer(string Maturity, string Tone, string Verbosity, bool DiscloseAi, int MemoryDays, double Creativity, string Language);
}

/// <summary>
/// A QuickStart preferences document as a service without the policy reads it: names and numbers, the same defaults,
/// no bounds. Settable, not init-only: System.Text.Json's generated reader sets every init-only property, so a
/// missing one would lose its default.
/// </summary>
public sealed record PlainPreferences
{
    /// <summary>How mature the content may be.</summary>
    public string Maturity { get; set; } = "General";

    /// <summary>The assistant's tone.</summary>
    public string Tone { get; set; } = "Friendly";

    /// <summary>How long answers are.</summary>
    public string Verbosity { get; set; } = "Balanced";

    /// <summary>Whether the assistant says it is an AI.</summary>
    public bool DiscloseAi { get; set; } = true;

    /// <summary>Days the assistant remembers personal details.</summary>
    public int MemoryDays { get; set; }

    /// <summary>How inventive explanations may be.</summary>
    public double Creativity { get; set; } = 0.5;

    /// <summary>Topics the assistant may bring up.</summary>
    public string[] Topics { get; set; } = ["Science"];

    /// <summary>The language of answers.</summary>
    public string Language { get; set; } = "en";

    /// <summary>Hazards the user never wants to see.</summary>
    public string[] AvoidHazards { get; set; } = [];
}

/// <summary>System.Text.Json's generated reader for <see cref="PlainPreferences"/> (no reflection, as a lean service would use).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PlainPreferences))]
public sealed partial class PlainJson : JsonSerializerContext;
