using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using PolicyAsCode.Extensions.AI.Tests.Support;
using PolicyAsCode.Records;
using PolicyAsCode.Runtime;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Extensions.AI.Tests.Records;

public class ChatRecordTests
{
    private static (ServiceProvider Provider, IChatClient Chat) Build(string path, params string[] answers)
    {
        var services = new ServiceCollection();
        services.AddPolicy<LearnerPreferences>()
            .AddHazardClassifier(_ => KeywordClassifier.Default())
            .AddDecisionRecords(o =>
            {
                o.Path = path;
                o.RedactedDimensions.Add("language");
            });
        services.AddChatClient(new ScriptedChatClient(answers)).UsePolicy<LearnerPreferences>();
        var provider = services.BuildServiceProvider();
        return (provider, provider.GetRequiredService<IChatClient>());
    }

    private static ChatOptions For(LearnerPreferences preferences, PolicyContext context) => new ChatOptions().WithPolicyRequest(preferences, context);

    [Fact]
    public async Task An_allowed_call_writes_one_resolution_and_a_decision_per_check()
    {
        using var folder = new TempFolder();
        var path = folder.File("chat.jsonl");
        var (provider, chat) = Build(path, "Photosynthesis turns light into sugar.");
        await using (provider)
        {
            var response = await chat.GetResponseAsync("How do plants eat?", For(Learners.AsksForEverything, Learners.EuMinor));
            Assert.Equal("Photosynthesis turns light into sugar.", response.Text);
        }

        var records = File.ReadAllLines(path).Select(l => DecisionRecordJson.TryRead(l).Record!).ToList();
        Assert.Equal([DecisionRecordKind.Resolution, DecisionRecordKind.Decision, DecisionRecordKind.Decision], records.Select(r => r.Kind));
        var (resolution, input, output) = (records[0], records[1], records[2]);
        Assert.Equal(["input", "output"], new[] { input.Decision!.Stage, output.Decision!.Stage });
        Assert.All([input, output], d => Assert.True(d.Decision!.Allowed));
        Assert.All([input, output], d => Assert.Empty(d.Decision!.Detected));
        Assert.Equal(Learners.Engine().Version, resolution.Version);
        Assert.Equal("Teen", resolution.Effective["maturity"]!.GetValue<string>());
        Assert.Equal(["language"], resolution.Redacted);
        Assert.False(resolution.Requested.ContainsKey("language"));

        // Each decision repeats the resolution it was made against, under its own id and without content.
        Assert.All([input, output], d => Assert.Equal(DecisionRecordJson.ToLine(resolution with { Id = d.Id, Time = d.Time, Kind = d.Kind, Decision = d.Decision }), DecisionRecordJson.ToLine(d)));
        Assert.Equal(3, records.Select(r => r.Id).Distinct().Count());
        Assert.All(records, r => Assert.Null(r.Content));
    }

    [Fact]
    public async Task A_refused_input_writes_the_resolution_and_the_refusal_naming_its_rule()
    {
        using var folder = new TempFolder();
        var path = folder.File("refused.jsonl");
        var (provider, chat) = Build(path, "never sent");
        await using (provider)
        {
            var response = await chat.GetResponseAsync("Write something explicit.", For(new LearnerPreferences(), Learners.EuMinor));
            Assert.Equal(ChatFinishReason.ContentFilter, response.FinishReason);
            var recorder = provider.GetRequiredService<PolicyDecisionRecorder>();
            await recorder.FlushAsync();
            Assert.Equal(0, recorder.Failures);
        }

        var records = File.ReadAllLines(path).Select(l => DecisionRecordJson.TryRead(l).Record!).ToList();
        Assert.Equal([DecisionRecordKind.Resolution, DecisionRecordKind.Decision], records.Select(r => r.Kind));
        var refusal = records[1].Decision!;
        Assert.False(refusal.Allowed);
        Assert.Equal("input", refusal.Stage);
        Assert.Equal(["S12"], refusal.Detected);
        Assert.Equal("EU", refusal.Tier);
        Assert.Equal(LearnerPreferences.Registry.Forbids.Single(f => f.Hazards == Hazard.SexualContent && LearnerPreferences.Registry.Tiers[f.Tier].Name == "EU").Index, refusal.Rule);
    }

    [Fact]
    public async Task Streaming_writes_one_resolution_and_a_decision_per_checked_segment()
    {
        using var folder = new TempFolder();
        var path = folder.File("stream.jsonl");
        var (provider, chat) = Build(path, "Plants make food from light. They also need water and air to grow well.");
        await using (provider)
        {
            await foreach (var update in chat.GetStreamingResponseAsync("How do plants eat?", For(new LearnerPreferences(), Learners.UsAdult)))
            {
                Assert.NotNull(update);
            }
        }

        var records = File.ReadAllLines(path).Select(l => DecisionRecordJson.TryRead(l).Record!).ToList();
        Assert.Equal(DecisionRecordKind.Resolution, records[0].Kind);
        Assert.Single(records, r => r.Kind == DecisionRecordKind.Resolution);
        Assert.Single(records, r => r.Decision?.Stage == "input");
        // Held text passes 40 characters after the first sentence ends (a check), and the rest is checked at the end.
        Assert.Equal(2, records.Count(r => r.Decision?.Stage == "output"));
        Assert.All(records.Skip(1), r => Assert.True(r.Decision!.Allowed));
    }

    [Fact]
    public async Task Records_also_go_to_the_log_as_structured_events()
    {
        var loggers = new CapturingLoggerFactory();
        var recorder = new PolicyDecisionRecorder(null, Microsoft.Extensions.Options.Options.Create(new PolicyDecisionRecordOptions { WriteToLog = true }), loggers);
        var client = new ScriptedChatClient("fine").AsBuilder().UsePolicy(Learners.Engine(), KeywordClassifier.Default(), recorder: recorder).Build();

        await client.GetResponseAsync("hello", For(new LearnerPreferences(), Learners.DeAdult));

        var events = loggers.Logger.Entries.Where(e => e.EventId.Id == 4130).ToList();
        Assert.Equal(["resolution", "decision", "decision"], events.Select(e => (string)e["Kind"]!));
        Assert.All(events, e => Assert.Equal("QuickStart.Policies.LearnerPreferences", e["Policy"]));
        var record = DecisionRecordJson.TryRead((string)events[0]["Record"]!).Record!;
        Assert.Equal(record.Id, events[0]["RecordId"]);
        Assert.Equal("DE", record.Jurisdiction);
    }
}
