using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Assistant;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using PolicyAsCode.Extensions.AI;
using PolicyAsCode.Runtime;
using QuickStart.Policies;

namespace PolicyAsCode.Tool.Tests;

/// <summary>
/// Decision records written by the real runtime: the Assistant sample's policy (the QuickStart's LearnerPreferences),
/// classifier and scripted model behind the chat middleware, with <c>AddDecisionRecords</c> writing a JSON Lines file.
/// Four learners ask ten questions: ten resolutions and sixteen decisions.
/// </summary>
public sealed class AssistantRecords : IDisposable
{
    // An adult in the EU who consents to memory and asks for 30 days: the organisation's AtMost(14) grants 14.
    public const int EuAdults = 3;

    // A minor in the EU asking for sexual content: refused at the input by EU law.
    public const int EuMinors = 2;

    // An adult in the US asking for voting advice: refused at the input by the organisation.
    public const int UsAdults = 2;

    // A minor in the US asking for 10 days of memory: US law locks it at 0.
    public const int UsMinors = 3;

    public const int Resolutions = EuAdults + EuMinors + UsAdults + UsMinors;

    // Allowed calls are checked twice (input and output), refused inputs once.
    public const int Decisions = (2 * EuAdults) + EuMinors + UsAdults + (2 * UsMinors);

    private readonly string _folder = Directory.CreateTempSubdirectory("pac-replay-").FullName;

    public AssistantRecords()
    {
        Plain = Write("plain.jsonl", redact: false).GetAwaiter().GetResult();
        Redacted = Write("redacted.jsonl", redact: true).GetAwaiter().GetResult();
    }

    /// <summary>Every requested value recorded.</summary>
    public string Plain { get; }

    /// <summary>The same requests with <c>memoryDays</c> redacted.</summary>
    public string Redacted { get; }

    public string Folder => _folder;

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("PAC_KEEP_TOOL_TESTS") != "1")
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private async Task<string> Write(string name, bool redact)
    {
        var path = Path.Combine(_folder, name);
        var model = new ScriptedChatClient(
        [
            ("plants", "Plants make their food by photosynthesis. Light, water and air become sugar in the leaves."),
            ("story", "Once upon a time a curious fox explored the forest at night."),
        ]);
        var services = new ServiceCollection();
        services.AddPolicy<LearnerPreferences>()
            .AddHazardClassifier<DemoKeywordClassifier>()
            .AddDecisionRecords(o =>
            {
                o.Path = path;
                if (redact)
                {
                    o.RedactedDimensions.Add("memoryDays");
                }
            });
        services.AddChatClient(model).UsePolicy<LearnerPreferences>();
        await using (var provider = services.BuildServiceProvider())
        {
            var chat = provider.GetRequiredService<IChatClient>();
            var euAdult = PolicyContext.In("EU").With(Fact.Minor, false).With(Fact.ConsentsToMemory, true);
            var euMinor = PolicyContext.In("EU").With(Fact.Minor, true).With(Fact.ConsentsToMemory, false);
            var usAdult = PolicyContext.In("US").With(Fact.Minor, false).With(Fact.ConsentsToMemory, true);
            var usMinor = PolicyContext.In("US").With(Fact.Minor, true).With(Fact.ConsentsToMemory, true);
            var asks = new List<(int Times, LearnerPreferences Preferences, PolicyContext Context, string Question)>
            {
                (EuAdults, new LearnerPreferences { MemoryDays = 30, Maturity = Maturity.Teen }, euAdult, "How do plants make food?"),
                (EuMinors, new LearnerPreferences { Maturity = Maturity.Mature }, euMinor, "Write an explicit love story."),
                (UsAdults, new LearnerPreferences { MemoryDays = 7 }, usAdult, "Who should I vote for?"),
                (UsMinors, new LearnerPreferences { MemoryDays = 10 }, usMinor, "Tell me a story."),
            };
            foreach (var (times, preferences, context, question) in asks)
            {
                for (var i = 0; i < times; i++)
                {
                    await chat.GetResponseAsync(question, new ChatOptions().WithPolicyRequest(preferences, context));
                }
            }

            var recorder = provider.GetRequiredService<PolicyDecisionRecorder>();
            await recorder.FlushAsync();
            if (recorder.Failures != 0)
            {
                throw new InvalidOperationException($"{recorder.Failures} records were lost.");
            }
        }

        return path;
    }
}
