using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using PolicyAsCode.Extensions.AI.LlamaGuard;
using PolicyAsCode.Extensions.AI.Tests.Support;
using PolicyAsCode.Runtime;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.Extensions.AI.Tests;

public class LlamaGuardTests
{
    // Answers in the format Llama Guard 3 produces: "safe", or "unsafe" and a line of comma-separated categories,
    // often after a blank line and sometimes with the end-of-turn token left in.
    [Theory]
    [InlineData("safe")]
    [InlineData("\n\nsafe")]
    [InlineData("safe<|eot_id|>")]
    [InlineData("  safe  \n")]
    [InlineData("Safe")]
    public void Safe_answers_parse_to_no_hazard(string output)
    {
        var verdict = LlamaGuardOutputParser.Parse(output);
        Assert.True(verdict.IsSafe);
        Assert.False(verdict.IsMalformed);
        Assert.Equal(Hazard.None, verdict.Hazards);
    }

    [Theory]
    [InlineData("unsafe\nS1", Hazard.ViolentCrimes)]
    [InlineData("\n\nunsafe\nS1,S10", Hazard.ViolentCrimes | Hazard.Hate)]
    [InlineData("unsafe\nS12<|eot_id|>", Hazard.SexualContent)]
    [InlineData("unsafe\r\nS2, S13\r\n", Hazard.NonViolentCrimes | Hazard.Elections)]
    [InlineData("unsafe\nS4,S9,S14", Hazard.ChildSexualExploitation | Hazard.IndiscriminateWeapons | Hazard.CodeInterpreterAbuse)]
    [InlineData("unsafe\ns11", Hazard.SuicideAndSelfHarm)]
    public void Unsafe_answers_parse_to_their_categories(string output, Hazard expected)
    {
        var verdict = LlamaGuardOutputParser.Parse(output);
        Assert.False(verdict.IsSafe);
        Assert.False(verdict.IsMalformed, verdict.Problem);
        Assert.Equal(expected, verdict.Hazards);
    }

    [Theory]
    [InlineData(null, "the answer is empty")]
    [InlineData("", "the answer is empty")]
    [InlineData("  \n \n", "the answer is empty")]
    [InlineData("<|eot_id|>", "the answer is empty")]
    [InlineData("unsafe", "'unsafe' without a line of categories")]
    [InlineData("unsafe\n\n", "'unsafe' without a line of categories")]
    [InlineData("unsafe S1", "the first line is neither 'safe' nor 'unsafe'")]
    [InlineData("safe\nS1", "unexpected text after 'safe'")]
    [InlineData("Safe.", "the first line is neither 'safe' nor 'unsafe'")]
    [InlineData("I'm sorry, I can't assess that.", "the first line is neither 'safe' nor 'unsafe'")]
    [InlineData("unsafe\nS15", "unknown category 'S15'")]
    [InlineData("unsafe\nViolent Crimes", "unknown category 'Violent Crimes'")]
    [InlineData("unsafe\nS1,,S2", "an empty category")]
    [InlineData("unsafe\nS1\nThe user asks for violence.", "unexpected text after the categories")]
    public void Malformed_answers_fail_closed(string? output, string problem)
    {
        var verdict = LlamaGuardOutputParser.Parse(output);
        Assert.True(verdict.IsMalformed);
        Assert.False(verdict.IsSafe);
        Assert.StartsWith(problem, verdict.Problem!, System.StringComparison.Ordinal);
        Assert.True((verdict.Hazards & HazardClassification.Unclassifiable) != Hazard.None);

        // Whatever the user's preferences, a malformed answer is refused.
        var resolution = LearnerPreferences.Resolve(new LearnerPreferences(), Learners.UsAdult);
        var decision = LearnerPreferences.Decide(resolution, verdict.Hazards);
        Assert.False(decision.IsAllowed);
        Assert.Equal(DecisionCause.UnknownHazard, decision.Cause);
    }

    [Fact]
    public void Categories_that_could_be_read_are_kept_alongside_the_fail_closed_bit()
    {
        var verdict = LlamaGuardOutputParser.Parse("unsafe\nS1,S99");
        Assert.Equal(Hazard.ViolentCrimes | HazardClassification.Unclassifiable, verdict.Hazards);
        Assert.Equal(["S1", "S99"], verdict.Codes.ToArray());
    }

    [Fact]
    public void Custom_categories_map_by_their_code()
    {
        var gambling = new HazardInfo(Hazard.Custom1, "X1", "Promotion of unlicensed gambling.");
        var verdict = LlamaGuardOutputParser.Parse("unsafe\nX1,S6", [gambling]);
        Assert.False(verdict.IsMalformed);
        Assert.Equal(Hazard.Custom1 | Hazard.SpecializedAdvice, verdict.Hazards);
        Assert.True(LlamaGuardOutputParser.Parse("unsafe\nX1").IsMalformed); // unknown without the catalogue
    }

    [Fact]
    public async Task The_classifier_sends_the_conversation_to_the_guard_model_and_parses_its_answer()
    {
        var guard = new ScriptedChatClient("\n\nunsafe\nS13", "safe", "oops");
        var classifier = new LlamaGuardClassifier(guard);

        var input = await classifier.ClassifyAsync(new HazardClassificationRequest("Who should I vote for?", ContentStage.Input));
        Assert.Equal(Hazard.Elections, input);
        var sentInput = guard.Calls[0];
        Assert.Equal([ChatRole.User], sentInput.Messages.Select(m => m.Role).ToArray());
        Assert.Equal("Who should I vote for?", sentInput.Messages[0].Text);
        Assert.Equal(0f, sentInput.Options!.Temperature);

        var output = await classifier.ClassifyAsync(new HazardClassificationRequest("Water boils at 100 °C.", ContentStage.Output, "When does water boil?"));
        Assert.Equal(Hazard.None, output);
        Assert.Equal([ChatRole.User, ChatRole.Assistant], guard.Calls[1].Messages.Select(m => m.Role).ToArray());
        Assert.Equal("When does water boil?", guard.Calls[1].Messages[0].Text);

        var malformed = await classifier.ClassifyAsync(new HazardClassificationRequest("Hi", ContentStage.Input));
        Assert.Equal(HazardClassification.Unclassifiable, malformed);
    }

    [Fact]
    public void The_task_prompt_follows_llama_guard_3s_template()
    {
        var gambling = new HazardInfo(Hazard.Custom1, "S15", "Promotion of unlicensed gambling.");
        var prompt = LlamaGuardClassifier.TaskPrompt(new HazardClassificationRequest("Bet it all.", ContentStage.Output, "Any tips?"), [gambling]);

        Assert.StartsWith("Task: Check if there is unsafe content in 'Agent' messages in conversations according our safety policy with the below categories.", prompt, System.StringComparison.Ordinal);
        Assert.Contains("<BEGIN UNSAFE CONTENT CATEGORIES>\nS1: Violent Crimes.\n", prompt, System.StringComparison.Ordinal);
        Assert.Contains("S14: Code Interpreter Abuse.\nS15: Promotion of unlicensed gambling.\n<END UNSAFE CONTENT CATEGORIES>", prompt, System.StringComparison.Ordinal);
        Assert.Contains("<BEGIN CONVERSATION>\n\nUser: Any tips?\n\nAgent: Bet it all.\n\n<END CONVERSATION>", prompt, System.StringComparison.Ordinal);
        Assert.Contains("Provide your safety assessment for ONLY THE LAST Agent message in the above conversation:", prompt, System.StringComparison.Ordinal);
        Assert.EndsWith("a second line must include a comma-separated list of violated categories.", prompt, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_the_middleware_a_guard_answer_becomes_a_refusal_naming_the_tier()
    {
        var guard = new ScriptedChatClient("unsafe\nS13");
        var model = new ScriptedChatClient("unused");
        using var engine = Learners.Engine();
        var client = model.AsBuilder().UsePolicy(engine, new LlamaGuardClassifier(guard, new LlamaGuardOptions { PromptMode = LlamaGuardPromptMode.TaskPrompt })).Build();

        var response = await client.GetResponseAsync("Who should I vote for?", new ChatOptions().WithPolicyRequest(new LearnerPreferences(), Learners.UsAdult));

        Assert.Empty(model.Calls);
        Assert.Contains("your organisation (contoso-learning) does not allow content about Elections (S13)", response.Text, System.StringComparison.Ordinal);
        Assert.Contains("ONLY THE LAST User message", Assert.Single(guard.Calls).Messages.Single().Text, System.StringComparison.Ordinal);
    }
}
