using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyAsCode.Extensions.AI.Tests.Support;
using PolicyAsCode.Runtime;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Extensions.AI.Tests;

/// <summary>
/// A classifier's exception may quote the text it was given; the decision log must not carry it unless content
/// logging is switched on.
/// </summary>
public sealed class DecisionLogRedactionTests
{
    private const string Secret = "THROWME SECRET my card number is 4111";

    private sealed class QuotingClassifier : IHazardClassifier
    {
        public ValueTask<Hazard> ClassifyAsync(HazardClassificationRequest request, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("classifier backend rejected the text: " + request.Text, new FormatException("inner quotes it too: " + request.Text));
    }

    private static async Task<LogEntry> FailureEntry(PolicyDecisionLogOptions options)
    {
        var logger = new CapturingLogger<PolicyDecisionLogger>();
        var log = new PolicyDecisionLogger(logger, Options.Create(options));
        var model = new ScriptedChatClient("unused");
        using var engine = Learners.Engine();
        var client = model.AsBuilder().UsePolicy(engine, new QuotingClassifier(), log: log).Build();

        var response = await client.GetResponseAsync(Secret, new ChatOptions().WithPolicyRequest(new LearnerPreferences(), Learners.UsAdult));

        Assert.DoesNotContain(Secret, response.Text, StringComparison.Ordinal);
        return Assert.Single(logger.Entries, e => e.EventId.Id == 4110);
    }

    [Fact]
    public async Task A_classifier_failure_logs_the_exception_type_but_never_the_user_text_when_content_is_off()
    {
        var entry = await FailureEntry(new PolicyDecisionLogOptions());

        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Null(entry.Exception);
        Assert.Equal("System.InvalidOperationException <- System.FormatException", entry["ExceptionType"]);
        Assert.Contains("redacted", (string)entry["ExceptionMessage"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("THROWME", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(entry.State, p => p.Value is string s && s.Contains("THROWME", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_IncludeContent_a_classifier_failure_logs_the_exception_and_its_message()
    {
        var entry = await FailureEntry(new PolicyDecisionLogOptions { IncludeContent = true });

        Assert.IsType<InvalidOperationException>(entry.Exception);
        Assert.Contains("THROWME SECRET", (string)entry["ExceptionMessage"]!, StringComparison.Ordinal);
        Assert.Contains("System.InvalidOperationException", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_redacted_entry_is_written_for_any_exception_directly()
    {
        var logger = new CapturingLogger<PolicyDecisionLogger>();
        var log = new PolicyDecisionLogger(logger);

        log.LogClassifierFailure(new ArgumentException(Secret), ContentStage.Output);

        var entry = Assert.Single(logger.Entries);
        Assert.Equal("output", entry["Stage"]);
        Assert.Equal("System.ArgumentException", entry["ExceptionType"]);
        Assert.Null(entry.Exception);
        Assert.DoesNotContain(logger.Entries.SelectMany(e => e.State), p => p.Value is string s && s.Contains("SECRET", StringComparison.Ordinal));
    }
}
