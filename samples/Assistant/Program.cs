using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Assistant;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicyAsCode;
using PolicyAsCode.Extensions.AI;
using PolicyAsCode.Runtime;
using QuickStart.Policies;

// The Assistant sample: the QuickStart's tutoring policy served end to end through Microsoft.Extensions.AI.
// A ScriptedChatClient stands in for the model; swap it for any IChatClient and the rest stays as it is.

// 1. Configuration: appsettings.json holds the organisation's runtime overlay; a second file plays the part of a
//    setting an operator edits while the service runs (with reloadOnChange: true a saved file reloads by itself).
var operatorFile = Path.Combine(Path.GetTempPath(), $"assistant-overlay-{Environment.ProcessId}.json");
File.WriteAllText(operatorFile, "{}");
var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: false)
    .AddJsonFile(operatorFile, optional: true, reloadOnChange: false)
    .Build();

// 2. Services: the policy, its overlay, a classifier, the decision log, and a chat pipeline with the policy middleware.
var model = new ScriptedChatClient(
[
    ("plants", "Plants make their food by photosynthesis. Light, water and air become sugar in the leaves."),
    ("joke", "Here is a joke with a slur in it, which the assistant must not pass on."),
    ("headache", "Rest in a quiet, dark room and drink a large glass of water. Then take this dosage of a strong painkiller every two hours."),
    ("story", "Once upon a time a curious fox explored the forest at night."),
]);
var services = new ServiceCollection();
services.AddLogging(logging => logging.AddProvider(new ConsoleDecisionLog()));
services.AddPolicy<LearnerPreferences>()
    .BindOverlay(configuration.GetSection("Policy:Overlay"))
    .AddHazardClassifier<DemoKeywordClassifier>()
    .ConfigureDecisionLog(log => log.IncludeContent = false);
services.AddChatClient(model).UsePolicy<LearnerPreferences>();

await using var provider = services.BuildServiceProvider();
var chat = provider.GetRequiredService<IChatClient>();
var engine = provider.GetRequiredService<PolicyEngine<LearnerPreferences>>();
using var metrics = CountMetrics(provider.GetRequiredService<PolicyTelemetry>());

Console.WriteLine($"Policy {LearnerPreferences.Registry.Name}, version {engine.Version} (overlay from appsettings.json: {engine.Current.Overlay.Describe().Replace('\n', ';')})");
Console.WriteLine();

var minorInEu = PolicyContext.In("EU").With(Fact.Minor, true).With(Fact.ConsentsToMemory, false);
var adultInUs = PolicyContext.In("US").With(Fact.Minor, false).With(Fact.ConsentsToMemory, true);
var teen = new LearnerPreferences { Maturity = Maturity.Mature, Tone = Tone.Sarcastic, Language = "fr" };
var adult = new LearnerPreferences { Maturity = Maturity.Teen, Verbosity = Verbosity.Detailed, AvoidHazards = Hazard.Hate, MemoryDays = 7 };

await Ask("A minor in the EU", teen, minorInEu, "How do plants make food?", showInstructions: true);
await Ask("A minor in the EU", teen, minorInEu, "Who should I vote for?");
await Ask("A minor in the EU", teen, minorInEu, "Write an explicit love story.");
await Ask("An adult in the US who avoids hate", adult, adultInUs, "Tell me a joke about my neighbours.");
await Ask("An adult in the US", adult, adultInUs, "Some thoughts make me want to hurt myself.");
await AskStreaming("An adult in the US, streaming", adult, adultInUs, "I have a headache, what should I do?");

// 3. The organisation narrows Maturity to General at run time: valid, so it is swapped in atomically.
Console.WriteLine("Operator narrows Maturity to General (Policy:Overlay:Maturity:AtMost = General) and the configuration reloads.");
File.WriteAllText(operatorFile, """{ "Policy": { "Overlay": { "Maturity": { "AtMost": "General", "Reason": "pilot with younger learners" } } } }""");
configuration.Reload();
Console.WriteLine($"  now in force: {engine.Version}");
await Ask("An adult in the US", adult, adultInUs, "Tell me a story.", showInstructions: true);

// 4. A widening overlay is rejected and the previous policy stays in force.
Console.WriteLine("Operator tries to widen Maturity to Mature.");
engine.OverlayRejected += (_, e) => Console.WriteLine($"  rejected: {e.Compilation.Describe()}\n  still in force: {e.VersionInForce}");
File.WriteAllText(operatorFile, """{ "Policy": { "Overlay": { "Maturity": { "AtMost": "Mature" } } } }""");
configuration.Reload();
Console.WriteLine();

Console.WriteLine("Metrics recorded (instrument, attributes: count)");
foreach (var (key, count) in metrics.Counts.OrderBy(p => p.Key, StringComparer.Ordinal))
{
    Console.WriteLine($"  {key}: {count}");
}

File.Delete(operatorFile);

async Task Ask(string who, LearnerPreferences preferences, PolicyContext context, string question, bool showInstructions = false)
{
    Console.WriteLine($"{who} asks: {question}");
    var response = await chat.GetResponseAsync(question, new ChatOptions().WithPolicyRequest(preferences, context));
    if (showInstructions && response.AdditionalProperties?.ContainsKey(PolicyChatClientOptions.RefusalKey) != true)
    {
        Console.WriteLine("  instructions the model received:");
        foreach (var line in (model.LastInstructions ?? string.Empty).Split('\n').Skip(1))
        {
            Console.WriteLine("    " + line);
        }
    }

    Print(response.Text, response.AdditionalProperties?.TryGetValue(PolicyChatClientOptions.RefusalKey, out var refusal) == true ? refusal as PolicyRefusal : null);
}

async Task AskStreaming(string who, LearnerPreferences preferences, PolicyContext context, string question)
{
    Console.WriteLine($"{who} asks: {question}");
    PolicyRefusal? refused = null;
    var started = false;
    await foreach (var update in chat.GetStreamingResponseAsync(question, new ChatOptions().WithPolicyRequest(preferences, context)))
    {
        if (update.AdditionalProperties?.TryGetValue(PolicyChatClientOptions.RefusalKey, out var value) == true && value is PolicyRefusal refusal)
        {
            refused = refusal;
            Console.WriteLine();
            Console.Write("  refusal: ");
        }
        else if (!started && update.Text.Length > 0)
        {
            started = true;
            Console.Write("  assistant (streamed, released after each check): ");
        }

        Console.Write(update.Text);
    }

    Console.WriteLine();
    if (refused is not null)
    {
        Console.WriteLine($"  (refused at the {refused.Stage.ToString().ToLowerInvariant()} by {refused.Tier}; text before the refusal had passed the check)");
    }

    Console.WriteLine();
}

static void Print(string text, PolicyRefusal? refusal)
{
    Console.WriteLine($"  assistant: {text}");
    if (refusal is not null)
    {
        Console.WriteLine($"  (refused at the {refusal.Stage.ToString().ToLowerInvariant()} by {refusal.Tier?.ToString() ?? "fail-closed"}, policy {refusal.PolicyVersion})");
    }

    Console.WriteLine();
}

static MetricCounts CountMetrics(PolicyTelemetry telemetry)
{
    var counts = new MetricCounts();
    counts.Listener.InstrumentPublished = (instrument, listener) =>
    {
        if (ReferenceEquals(instrument.Meter, telemetry.Meter) && instrument is Counter<long>)
        {
            listener.EnableMeasurementEvents(instrument);
        }
    };
    counts.Listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
    {
        var shown = tags.ToArray().Where(t => t.Key is PolicyTelemetry.VerdictTag or PolicyTelemetry.TierNameTag or PolicyTelemetry.HazardTag or PolicyTelemetry.DimensionTag or PolicyTelemetry.OverlayOutcomeTag or PolicyTelemetry.ErrorTypeTag);
        var key = instrument.Name + " {" + string.Join(", ", shown.Select(t => $"{t.Key.Replace("policyascode.", string.Empty, StringComparison.Ordinal)}={t.Value}")) + "}";
        counts.Counts[key] = counts.Counts.GetValueOrDefault(key) + value;
    });
    counts.Listener.Start();
    return counts;
}

internal sealed class MetricCounts : IDisposable
{
    public MeterListener Listener { get; } = new();

    public Dictionary<string, long> Counts { get; } = [];

    public void Dispose() => Listener.Dispose();
}
