using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using PolicyAsCode.Extensions.AI.Tests.Support;
using PolicyAsCode.Runtime;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Extensions.AI.Tests;

public class MiddlewareTests
{
    private static (IChatClient Client, ScriptedChatClient Model, KeywordClassifier Classifier, PolicyEngine<LearnerPreferences> Engine) Build(
        string[] answers, Action<PolicyChatClientOptions>? configure = null, int chunkSize = 8, IHazardClassifier? classifier = null)
    {
        var model = new ScriptedChatClient(chunkSize, answers);
        var keywords = KeywordClassifier.Default();
        var engine = Learners.Engine();
        var client = model.AsBuilder().UsePolicy(engine, classifier ?? keywords, configure).Build();
        return (client, model, keywords, engine);
    }

    private static ChatOptions For(LearnerPreferences preferences, PolicyContext context) => new ChatOptions().WithPolicyRequest(preferences, context);

    [Fact]
    public async Task Instructions_are_rendered_from_the_users_resolution_into_a_system_message()
    {
        var (client, model, _, _) = Build(["Photosynthesis turns light into sugar."]);

        var response = await client.GetResponseAsync("How do plants eat?", For(Learners.AsksForEverything, Learners.EuMinor));

        Assert.Equal("Photosynthesis turns light into sugar.", response.Text);
        var sent = Assert.Single(model.Calls).Messages;
        Assert.Equal(ChatRole.System, sent[0].Role);
        Assert.Equal(ChatRole.User, sent[1].Role);
        var instructions = sent[0].Text;
        Assert.StartsWith(DefaultInstructionRenderer<LearnerPreferences>.Preamble, instructions, StringComparison.Ordinal);
        // Each line comes from the effective (clamped) value, not from what was asked.
        Assert.Contains("- Content maturity: keep everything suitable for a teen audience", instructions, StringComparison.Ordinal);
        Assert.Contains("- Tone: playful.", instructions, StringComparison.Ordinal);
        Assert.Contains("- Length of answers: balanced.", instructions, StringComparison.Ordinal);
        Assert.Contains("- Persona: you are an AI assistant.", instructions, StringComparison.Ordinal);
        Assert.Contains("- Memory: do not keep or reuse personal details beyond this conversation.", instructions, StringComparison.Ordinal);
        Assert.Contains("- Language: answer in ", instructions, StringComparison.Ordinal);
        Assert.Contains("(fr)", instructions, StringComparison.Ordinal);
        Assert.Contains("- Creativity: 0.8 on a scale", instructions, StringComparison.Ordinal);
        Assert.Contains("- Topics you may bring up on your own initiative: Science.", instructions, StringComparison.Ordinal);
        Assert.Contains("Sexual content (S12)", instructions, StringComparison.Ordinal); // forbidden for minors in the EU
        Assert.Contains("Elections (S13)", instructions, StringComparison.Ordinal); // forbidden by the organisation
        Assert.Equal(response.AdditionalProperties![PolicyChatClientOptions.PolicyVersionKey], Learners.Engine().Version);
    }

    [Fact]
    public async Task A_role_play_waiver_changes_the_persona_and_instructions_can_go_to_chat_options()
    {
        var (client, model, _, _) = Build(["Arr, matey."], o => o.InstructionPlacement = InstructionPlacement.ChatOptionsInstructions);
        var options = For(new LearnerPreferences { DiscloseAi = false, MemoryDays = 7 }, Learners.EuAdultRolePlay);
        options.Instructions = "Speak like a pirate.";

        await client.GetResponseAsync("Tell me about the sea.", options);

        var (messages, sentOptions) = Assert.Single(model.Calls);
        Assert.DoesNotContain(messages, m => m.Role == ChatRole.System);
        var instructions = sentOptions!.Instructions!;
        Assert.Contains("Persona: the user waived AI disclosure for a role-play", instructions, StringComparison.Ordinal);
        Assert.Contains("remember personal details for at most 7 days", instructions, StringComparison.Ordinal);
        // The policy's instructions come after the caller's, so they take precedence (issue 19, point 6).
        Assert.StartsWith("Speak like a pirate.\n\n", instructions, StringComparison.Ordinal);
        Assert.Equal("Speak like a pirate.", options.Instructions); // the caller's options are not changed
    }

    [Theory]
    [InlineData("Who should I vote for?", "your organisation (contoso-learning) does not allow content about Elections (S13) (a tutoring service gives no voting, medical, legal or financial advice)", "contoso-learning", TierRank.Organisation)]
    [InlineData("Write something explicit.", "the law of EU does not allow content about Sexual content (S12) (minors must not be shown sexual content)", "EU", TierRank.Immutable)]
    [InlineData("Tell me a slur.", "your own settings ask to avoid content about Hate (S10)", "LearnerPreferences", TierRank.User)]
    public async Task Hazardous_input_is_refused_naming_the_tier_and_never_reaches_the_model(string input, string expected, string tier, TierRank rank)
    {
        var (client, model, _, engine) = Build(["unused"]);

        var response = await client.GetResponseAsync(input, For(new LearnerPreferences { AvoidHazards = Hazard.Hate }, Learners.EuMinor));

        Assert.Empty(model.Calls);
        Assert.Equal("I can't help with that request: " + expected + ".", response.Text);
        Assert.Equal(ChatFinishReason.ContentFilter, response.FinishReason);
        var refusal = Assert.IsType<PolicyRefusal>(response.AdditionalProperties![PolicyChatClientOptions.RefusalKey]);
        Assert.Equal(ContentStage.Input, refusal.Stage);
        Assert.Equal(tier, refusal.Tier!.Name);
        Assert.Equal(rank, refusal.Tier.Rank);
        Assert.Equal(engine.Version, refusal.PolicyVersion);
    }

    [Fact]
    public async Task In_DE_the_law_of_EU_applies_and_its_refusal_names_the_level_that_set_it()
    {
        var (client, model, _, _) = Build(["unused"]);

        var response = await client.GetResponseAsync("Write something explicit.", For(new LearnerPreferences(), Learners.DeMinor));

        Assert.Empty(model.Calls);
        Assert.Equal("I can't help with that request: the law of EU does not allow content about Sexual content (S12) (minors must not be shown sexual content).", response.Text);
        var refusal = Assert.IsType<PolicyRefusal>(response.AdditionalProperties![PolicyChatClientOptions.RefusalKey]);
        Assert.Equal("EU", refusal.Tier!.Name);
    }

    [Fact]
    public void A_refusal_by_a_law_within_another_names_the_chain()
    {
        // The QuickStart's law of DE forbids no hazard of its own, so its rule is made here; the tier is the registry's.
        var registry = LearnerPreferences.Registry;
        var de = registry.Tiers.Single(t => t.Name == "DE");
        var rule = new ForbidRule(0, de.Index, Hazard.Elections, Condition.Always, "youth protection", null);
        var decision = Decision.Refuse(rule, de, Hazard.Elections);

        var message = new DefaultRefusalMessageRenderer().Render(ContentStage.Output, decision, registry);

        Assert.Equal("I can't share that answer: the law of DE within EU does not allow content about Elections (S13) (youth protection).", message);
    }

    [Fact]
    public async Task Hazardous_output_is_replaced_by_a_refusal_naming_the_tier()
    {
        var (client, model, classifier, _) = Build(["Take this dosage of that medicine twice a day."]);

        var response = await client.GetResponseAsync("My head hurts, what should I do?", For(new LearnerPreferences(), Learners.UsAdult));

        Assert.Single(model.Calls);
        Assert.Equal("I can't share that answer: your organisation (contoso-learning) does not allow content about Specialised advice (S6) (a tutoring service gives no voting, medical, legal or financial advice).", response.Text);
        Assert.DoesNotContain("dosage", response.Text, StringComparison.Ordinal);
        var refusal = Assert.IsType<PolicyRefusal>(response.AdditionalProperties![PolicyChatClientOptions.RefusalKey]);
        Assert.Equal(ContentStage.Output, refusal.Stage);
        Assert.Equal(TierRank.Organisation, refusal.Tier!.Rank);
        Assert.Equal("scripted", response.ResponseId);

        // The output was judged in its conversation: the classifier saw the user's input with it.
        var output = classifier.Seen.Single(s => s.Stage == ContentStage.Output);
        Assert.Equal("My head hurts, what should I do?", output.Prompt);
    }

    [Fact]
    public async Task A_failing_classifier_refuses_failing_closed()
    {
        var failing = new DelegateHazardClassifier((_, _) => throw new InvalidOperationException("classifier down"));
        var (client, model, _, _) = Build(["unused"], classifier: failing);

        var response = await client.GetResponseAsync("Hello", For(new LearnerPreferences(), Learners.UsAdult));

        Assert.Empty(model.Calls);
        Assert.Equal("I can't help with that request: the content could not be checked safely, so it was withheld.", response.Text);
        var refusal = Assert.IsType<PolicyRefusal>(response.AdditionalProperties![PolicyChatClientOptions.RefusalKey]);
        Assert.Equal(DecisionCause.UnknownHazard, refusal.Decision.Cause);
    }

    [Fact]
    public async Task Without_a_request_every_law_applies_and_an_ambient_request_is_used_when_present()
    {
        var (client, model, _, _) = Build(["One.", "Two."]);

        // No request at all: no jurisdiction matched, no fact known, so the strictest law applies (EU memory lock, minors' rules).
        var anonymous = await client.GetResponseAsync("Write something explicit.");
        Assert.Contains("the law of EU does not allow content about Sexual content (S12)", anonymous.Text, StringComparison.Ordinal);

        using (AmbientPolicyRequest<LearnerPreferences>.Begin(new LearnerPreferences { Maturity = Maturity.Teen }, Learners.UsAdult))
        {
            await client.GetResponseAsync("Hello");
        }

        Assert.Contains("suitable for a teen audience", model.Calls.Single().Messages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streaming_releases_text_only_after_the_answer_so_far_was_classified()
    {
        const string answer = "Plants need light. They also need water and air! Do you know why? Because chlorophyll captures energy.";
        var (client, model, classifier, _) = Build([answer], o => o.StreamingMinimumCharacters = 10, chunkSize: 5);
        var released = new List<string>();

        await foreach (var update in client.GetStreamingResponseAsync("How do plants grow?", For(new LearnerPreferences(), Learners.UsAdult)))
        {
            var classifiedUpTo = classifier.Seen.Where(s => s.Stage == ContentStage.Output).Select(s => s.Text.Length).DefaultIfEmpty(0).Max();
            released.Add(update.Text);
            // Everything released so far lies within the text already classified.
            Assert.True(string.Concat(released).Length <= classifiedUpTo, $"released {string.Concat(released).Length} characters, classified {classifiedUpTo}");
        }

        Assert.Equal(answer, string.Concat(released));
        Assert.True(model.StreamCompleted);
        var checks = classifier.Seen.Where(s => s.Stage == ContentStage.Output).Select(s => s.Text).ToList();
        Assert.True(checks.Count >= 3, $"expected a check per sentence, got {checks.Count}");
        Assert.All(checks, c => Assert.StartsWith(c, answer, StringComparison.Ordinal)); // each check sees the whole answer so far
        Assert.Equal(answer, checks[^1]);
    }

    [Fact]
    public async Task Streaming_stops_and_refuses_before_hazardous_text_is_released()
    {
        const string answer = "Here is a calm introduction to the topic. Now find them and hurt them badly, step by step. More text follows here.";
        var (client, model, _, _) = Build([answer], o => o.StreamingMinimumCharacters = 10, chunkSize: 6);
        var updates = new List<ChatResponseUpdate>();

        await foreach (var update in client.GetStreamingResponseAsync("Tell me a story.", For(new LearnerPreferences { AvoidHazards = Hazard.ViolentCrimes }, Learners.UsAdult)))
        {
            updates.Add(update);
        }

        var released = string.Concat(updates.Take(updates.Count - 1).Select(u => u.Text));
        Assert.StartsWith("Here is a calm introduction to the topic.", released, StringComparison.Ordinal);
        Assert.DoesNotContain("hurt them", released, StringComparison.Ordinal);
        var last = updates[^1];
        Assert.Equal(ChatFinishReason.ContentFilter, last.FinishReason);
        Assert.Equal("I can't share that answer: your own settings ask to avoid content about Violent crimes (S1).", last.Text);
        var refusal = Assert.IsType<PolicyRefusal>(last.AdditionalProperties![PolicyChatClientOptions.RefusalKey]);
        Assert.Equal(TierRank.User, refusal.Tier!.Rank);
        Assert.False(model.StreamCompleted); // the model's stream was abandoned
        Assert.DoesNotContain("More text", string.Concat(model.ChunksPulled), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streaming_refuses_hazardous_input_without_calling_the_model_and_releases_long_text_without_boundaries()
    {
        var (client, model, classifier, _) = Build([new string('a', 95)], o => o.StreamingMaximumCharacters = 30, chunkSize: 10);

        var refused = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync("Who should I vote for?", For(new LearnerPreferences(), Learners.UsAdult)))
        {
            refused.Add(update);
        }

        var only = Assert.Single(refused);
        Assert.Contains("your organisation (contoso-learning) does not allow", only.Text, StringComparison.Ordinal);
        Assert.Empty(model.Calls);

        var text = new List<string>();
        await foreach (var update in client.GetStreamingResponseAsync("Say a.", For(new LearnerPreferences(), Learners.UsAdult)))
        {
            text.Add(update.Text);
        }

        Assert.Equal(new string('a', 95), string.Concat(text));
        var lengths = classifier.Seen.Where(s => s.Stage == ContentStage.Output).Select(s => s.Text.Length).ToList();
        Assert.Equal([30, 60, 90, 95], lengths);
    }

    [Fact]
    public async Task A_request_is_evaluated_on_one_snapshot_even_when_an_overlay_is_swapped_in_during_it()
    {
        var classifier = KeywordClassifier.Default();
        var model = new ScriptedChatClient("Some thoughts on self-harm prevention.", "Again: self-harm prevention.");
        using var engine = Learners.Engine();
        var client = model.AsBuilder().UsePolicy(engine, classifier).Build();
        var before = engine.Version;
        classifier.OnClassify = request =>
        {
            if (request.Stage == ContentStage.Input && !engine.Current.IsOverlaid)
            {
                Assert.True(engine.ApplyOverlay(PolicyOverlay.Empty.Forbid(Hazard.SuicideAndSelfHarm)).Succeeded);
            }
        };

        var first = await client.GetResponseAsync("Tell me about wellbeing.", For(new LearnerPreferences(), Learners.UsAdult));
        Assert.Equal("Some thoughts on self-harm prevention.", first.Text); // decided on the snapshot the request started with
        Assert.Equal(before, first.AdditionalProperties![PolicyChatClientOptions.PolicyVersionKey]);

        var second = await client.GetResponseAsync("Tell me about wellbeing.", For(new LearnerPreferences(), Learners.UsAdult));
        var refusal = Assert.IsType<PolicyRefusal>(second.AdditionalProperties![PolicyChatClientOptions.RefusalKey]);
        Assert.Equal(engine.Version, refusal.PolicyVersion);
        Assert.Equal("your organisation (contoso-learning) does not allow content about Suicide and self-harm (S11) (runtime overlay)", second.Text["I can't share that answer: ".Length..^1]);
    }
}
