using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicyAsCode.Extensions.AI.Tests.Support;
using PolicyAsCode.Records;
using PolicyAsCode.Runtime;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Extensions.AI.Tests.Records;

public class RedactionTests
{
    private static readonly LearnerPreferences Asked = Learners.AsksForEverything with { AvoidHazards = Hazard.Hate };

    [Fact]
    public void Redacted_dimensions_leave_no_requested_value_and_are_listed()
    {
        var sink = new ListSink();
        var recorder = RecordSupport.Recorder(sink, o =>
        {
            o.RedactedDimensions.Add("memoryDays");
            o.RedactedDimensions.Add("AvoidHazards"); // case is ignored
        });

        var record = RecordSupport.Resolve(recorder, Asked, Learners.EuAdult);
        var line = DecisionRecordJson.ToLine(record);

        Assert.Equal(["memoryDays", "avoidHazards"], record.Redacted);
        Assert.False(record.Requested.ContainsKey("memoryDays"));
        Assert.False(record.Requested.ContainsKey("avoidHazards"));
        Assert.Equal("Sarcastic", record.Requested["tone"]!.GetValue<string>());
        // The requested 30 days appear nowhere in the line: no number in it is 30 (the effective value is 14).
        Assert.DoesNotContain(30.0, Numbers(System.Text.Json.Nodes.JsonNode.Parse(line)));
        Assert.Equal(14, record.Effective["memoryDays"]!.GetValue<int>());
        Assert.Empty(record.Unreadable);
    }

    private static System.Collections.Generic.IEnumerable<double> Numbers(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonObject o => o.SelectMany(p => Numbers(p.Value)),
        System.Text.Json.Nodes.JsonArray a => a.SelectMany(Numbers),
        System.Text.Json.Nodes.JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number => [v.GetValue<double>()],
        _ => [],
    };

    [Fact]
    public void Without_redaction_every_readable_value_is_recorded_and_unreadable_ones_are_listed()
    {
        var sink = new ListSink();
        var record = RecordSupport.Resolve(RecordSupport.Recorder(sink), Asked, Learners.EuAdult, DimensionSet.Of(1));

        Assert.Empty(record.Redacted);
        Assert.Equal(["tone"], record.Unreadable);
        Assert.False(record.Requested.ContainsKey("tone"));
        Assert.Equal(30, record.Requested["memoryDays"]!.GetValue<int>());
        Assert.Equal("Hate", Assert.Single(record.Requested["avoidHazards"]!.AsArray())!.GetValue<string>());
        Assert.Contains(record.Adjustments, a => a.Dimension == "tone" && a.Cause == "failed_closed");
    }

    [Fact]
    public void Content_is_left_out_unless_switched_on()
    {
        var snapshot = Learners.Engine().Current;
        var resolution = snapshot.Resolve(Asked, Learners.EuMinor);
        var decision = snapshot.Decide(in resolution, Hazard.Elections);

        var off = new ListSink();
        var offRecorder = RecordSupport.Recorder(off);
        var resolved = offRecorder.RecordResolution(snapshot, Learners.EuMinor, Asked, default, in resolution);
        var withoutContent = offRecorder.RecordDecision(snapshot, resolved, in decision, ContentStage.Input, Hazard.Elections, "who should I vote for")!;

        var on = new ListSink();
        var onRecorder = RecordSupport.Recorder(on, o => o.IncludeContent = true);
        var withContent = onRecorder.RecordDecision(snapshot, onRecorder.RecordResolution(snapshot, Learners.EuMinor, Asked, default, in resolution), in decision, ContentStage.Input, Hazard.Elections, "who should I vote for")!;

        Assert.Null(withoutContent.Content);
        Assert.DoesNotContain("vote", DecisionRecordJson.ToLine(withoutContent), StringComparison.Ordinal);
        Assert.DoesNotContain("\"content\"", DecisionRecordJson.ToLine(withoutContent), StringComparison.Ordinal);
        Assert.Equal("who should I vote for", withContent.Content);
        Assert.Contains("\"content\":\"who should I vote for\"", DecisionRecordJson.ToLine(withContent), StringComparison.Ordinal);
        Assert.All(off.Records.Concat(on.Records).Where(r => r.Kind == DecisionRecordKind.Resolution), r => Assert.Null(r.Content));
    }

    [Fact]
    public void A_redacted_name_the_policy_does_not_have_fails_when_the_recorder_is_made()
    {
        var services = new ServiceCollection();
        services.AddPolicy<LearnerPreferences>().AddDecisionRecords(o => o.RedactedDimensions.Add("memoryDay"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<PolicyDecisionRecorder>());

        Assert.Contains("memoryDays", error.Message, StringComparison.Ordinal);
        Assert.Contains("does not have", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Switched_off_nothing_is_recorded()
    {
        var sink = new ListSink();
        var recorder = RecordSupport.Recorder(sink, o => o.Enabled = false);
        var snapshot = Learners.Engine().Current;
        var resolution = snapshot.Resolve(Asked, Learners.EuAdult);

        Assert.Null(recorder.RecordResolution(snapshot, Learners.EuAdult, Asked, default, in resolution));
        Assert.Empty(sink.Records);
    }
}
