using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using QuickStart.Policies;
using Xunit;


namespace PolicyAsCode.AspNetCore.Tests.Endpoints;

// POST feedback, GET learned and DELETE learned/{dimension}, and learned values in every request's resolution. The
// assertions hold for any learner that steps towards repeated feedback: they name directions and bounds, never steps.
public sealed class FeedbackEndpointTests
{
    private static readonly string EuAdult = TestUsers.Describe("ada", "EU", minor: false);
    private static readonly string UsAdult = TestUsers.Describe("grace", "US", minor: false);

    private static string TooLong => """{"nudges":[{"dimension":"verbosity","direction":"lower","label":"too long"}],"rating":-1,"decisionId":"d-1"}""";

    private static StringContent Json(string text) => PreferencesEndpointTests.Json(text);

    private static Task<JsonObject> Body(HttpResponseMessage response) => PreferencesEndpointTests.Body(response);

    private static int Rank<TEnum>(string name) where TEnum : struct, Enum => Convert.ToInt32(Enum.Parse<TEnum>(name));

    [Fact]
    public async Task Anonymous_requests_give_no_feedback_and_see_nothing_learned()
    {
        await using var host = await PolicyHost.StartAsync(withLearning: true);
        using var client = host.Client();

        var responses = new[]
        {
            await client.PostAsync("/policy/feedback", Json(TooLong)),
            await client.GetAsync("/policy/learned"),
            await client.DeleteAsync("/policy/learned/verbosity"),
        };

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("urn:policyascode:problem:sign-in-required", (await Body(response))["type"]!.GetValue<string>());
        }

        Assert.Equal(0, host.Feedback.Count);
    }

    [Fact]
    public async Task Repeated_too_long_feedback_lowers_verbosity_for_preferences_and_chat_and_names_its_cause()
    {
        await using var host = await PolicyHost.StartAsync(withLearning: true);
        using var client = host.Client(EuAdult);
        var before = (await Body(await client.GetAsync("/policy/preferences")))["effective"]!["verbosity"]!.GetValue<string>();
        Assert.Empty((await Body(await client.GetAsync("/policy/preferences")))["learned"]!.AsArray());

        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            var posted = await client.PostAsync("/policy/feedback", Json(TooLong));
            Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
            ids.Add((await Body(posted))["id"]!.GetValue<string>());
        }

        var preferences = await Body(await client.GetAsync("/policy/preferences"));
        var after = preferences["effective"]!["verbosity"]!.GetValue<string>();
        Assert.True(Rank<Verbosity>(after) < Rank<Verbosity>(before), $"verbosity went from {before} to {after}");
        var learned = Assert.Single(preferences["learned"]!.AsArray(), c => c!["dimension"]!.GetValue<string>() == "verbosity")!;
        Assert.Equal(after, learned["effective"]!.GetValue<string>());
        Assert.Contains("learned", learned["explanation"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("too long", learned["explanation"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Subset(ids.ToHashSet(), learned["causedBy"]!.AsArray().Select(n => n!.GetValue<string>()).ToHashSet());
        Assert.All(learned["feedback"]!.AsArray(), f => Assert.Equal("d-1", f!["decisionId"]!.GetValue<string>()));

        // The chat middleware's preferences are the same request's: the learned value reaches the model's instructions.
        Assert.StartsWith(after + "|", await client.GetStringAsync("/accessor/style"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_learned_value_never_leaves_a_bound()
    {
        // In the US tone may be learned; EU law forbids learning it ([NotLearnable]), so there the same feedback moves nothing.
        await using var host = await PolicyHost.StartAsync(withLearning: true);
        using var client = host.Client(UsAdult);
        using var european = host.Client(EuAdult);
        const string MoreTone = """{"nudges":[{"dimension":"tone","direction":"higher","label":"too dry"}]}""";

        for (var i = 0; i < 30; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/policy/feedback", Json(MoreTone))).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await european.PostAsync("/policy/feedback", Json(MoreTone))).StatusCode);
        }

        var inEu = await Body(await european.GetAsync("/policy/preferences"));
        Assert.Equal("Friendly", inEu["effective"]!["tone"]!.GetValue<string>());
        Assert.DoesNotContain(inEu["learned"]!.AsArray(), c => c!["dimension"]!.GetValue<string>() == "tone");
        var learnedInEu = await Body(await european.GetAsync("/policy/learned"));
        Assert.Contains(learnedInEu["ignored"]!.AsArray(), c => c!["dimension"]!.GetValue<string>() == "tone");

        // ContosoLearning allows at most Playful ("sarcasm discourages learners"), however much feedback asks for more.
        var preferences = await Body(await client.GetAsync("/policy/preferences"));
        var tone = preferences["effective"]!["tone"]!.GetValue<string>();
        Assert.True(Rank<Tone>(tone) > Rank<Tone>("Friendly"), $"tone stayed {tone}");
        Assert.True(Rank<Tone>(tone) <= Rank<Tone>("Playful"), $"tone left the bound: {tone}");
        var learned = Assert.Single(preferences["learned"]!.AsArray(), c => c!["dimension"]!.GetValue<string>() == "tone")!;
        Assert.Equal(tone, learned["effective"]!.GetValue<string>());
        Assert.EndsWith("|" + tone, await client.GetStringAsync("/accessor/style"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_explicit_choice_is_never_overridden_and_the_ignored_change_says_why()
    {
        await using var host = await PolicyHost.StartAsync(withLearning: true);
        using var client = host.Client(EuAdult);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/policy/preferences", Json("""{"verbosity":"Detailed"}"""))).StatusCode);

        for (var i = 0; i < 9; i++)
        {
            await client.PostAsync("/policy/feedback", Json(TooLong));
        }

        var preferences = await Body(await client.GetAsync("/policy/preferences"));
        Assert.Equal("Detailed", preferences["effective"]!["verbosity"]!.GetValue<string>());
        Assert.DoesNotContain(preferences["learned"]!.AsArray(), c => c!["dimension"]!.GetValue<string>() == "verbosity");
        var learned = await Body(await client.GetAsync("/policy/learned"));
        var ignored = Assert.Single(learned["ignored"]!.AsArray(), c => c!["dimension"]!.GetValue<string>() == "verbosity")!;
        Assert.False(string.IsNullOrWhiteSpace(ignored["why"]!.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(ignored["explanation"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Undo_returns_the_dimension_to_the_default_and_keeps_the_feedback()
    {
        await using var host = await PolicyHost.StartAsync(withLearning: true);
        using var client = host.Client(EuAdult);
        var before = (await Body(await client.GetAsync("/policy/preferences")))["effective"]!["verbosity"]!.GetValue<string>();
        for (var i = 0; i < 6; i++)
        {
            await client.PostAsync("/policy/feedback", Json(TooLong));
        }

        Assert.NotEqual(before, (await Body(await client.GetAsync("/policy/preferences")))["effective"]!["verbosity"]!.GetValue<string>());

        var undo = await client.DeleteAsync("/policy/learned/verbosity");

        Assert.Equal(HttpStatusCode.OK, undo.StatusCode);
        Assert.DoesNotContain((await Body(undo))["applied"]!.AsArray(), c => c!["dimension"]!.GetValue<string>() == "verbosity");
        var preferences = await Body(await client.GetAsync("/policy/preferences"));
        Assert.Equal(before, preferences["effective"]!["verbosity"]!.GetValue<string>());
        Assert.Empty(preferences["learned"]!.AsArray());
        Assert.Equal(6, host.Feedback.Events("ada").Count);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/policy/learned/no-such-thing")).StatusCode);
    }

    [Fact]
    public async Task Feedback_is_the_signed_in_users_own_and_moves_nobody_else()
    {
        await using var host = await PolicyHost.StartAsync(withLearning: true);
        using var ada = host.Client(EuAdult);
        using var bob = host.Client(TestUsers.Describe("bob", "EU", minor: false));
        var bobBefore = (await Body(await bob.GetAsync("/policy/preferences")))["effective"]!.ToJsonString();

        for (var i = 0; i < 6; i++)
        {
            await ada.PostAsync("/policy/feedback", Json(TooLong));
        }

        // A body cannot name another user: the user is the authenticated principal, and no field says otherwise.
        var impersonating = await ada.PostAsync("/policy/feedback", Json("""{"userId":"bob","rating":-1}"""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, impersonating.StatusCode);

        Assert.Equal(6, host.Feedback.Events("ada").Count);
        Assert.Empty(host.Feedback.Events("bob"));
        Assert.Equal(bobBefore, (await Body(await bob.GetAsync("/policy/preferences")))["effective"]!.ToJsonString());
        var bobLearned = await Body(await bob.GetAsync("/policy/learned"));
        Assert.Empty(bobLearned["applied"]!.AsArray());
        Assert.Empty(bobLearned["ignored"]!.AsArray());

        // Bob's undo is his own: Ada's learned value stays.
        await bob.DeleteAsync("/policy/learned/verbosity");
        Assert.NotEmpty((await Body(await ada.GetAsync("/policy/learned")))["applied"]!.AsArray());
    }

    [Theory]
    [InlineData("""{"nudges":[{"dimension":"wordiness","direction":"lower"}]}""", "$.nudges[0].dimension", "UnknownDimension")]
    [InlineData("""{"nudges":[{"dimension":"language","direction":"lower"}]}""", "$.nudges[0].dimension", "Unordered")]
    [InlineData("""{"nudges":[{"dimension":"verbosity","direction":"shorter"}]}""", "$.nudges[0].direction", "Value")]
    [InlineData("""{"nudges":[{"dimension":"verbosity","direction":"lower","colour":"red"}]}""", "$.nudges[0].colour", "UnknownField")]
    [InlineData("""{"nudges":[{"dimension":"verbosity","direction":"lower"},{"dimension":"verbosity","direction":"higher"}]}""", "$.nudges[1].dimension", "Duplicate")]
    [InlineData("""{"nudges":{"dimension":"verbosity"}}""", "$.nudges", "Type")]
    [InlineData("""{"rating":5}""", "$.rating", "Value")]
    [InlineData("""{"rating":-1,"decisionId":42}""", "$.decisionId", "Type")]
    [InlineData("""{"rating":-1,"reason":"nul\u0000here"}""", "$.reason", "Value")]
    [InlineData("""{}""", "$", "Empty")]
    [InlineData("""[1,2]""", "$", "Type")]
    [InlineData("""{"rating":""", "$", "Syntax")]
    public async Task A_bad_body_is_refused_with_422_naming_where(string body, string path, string kind)
    {
        await using var host = await PolicyHost.StartAsync(withLearning: true);
        using var client = host.Client(EuAdult);

        var response = await client.PostAsync("/policy/feedback", Json(body));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await Body(response);
        Assert.Equal("urn:policyascode:problem:unreadable-feedback", problem["type"]!.GetValue<string>());
        Assert.Contains(problem["errors"]!.AsArray(), e => e!["path"]!.GetValue<string>() == path && e["kind"]!.GetValue<string>() == kind);
        Assert.Equal(0, host.Feedback.Count);
    }

    [Fact]
    public async Task A_body_over_64_KiB_or_not_JSON_in_UTF_8_is_refused()
    {
        await using var host = await PolicyHost.StartAsync(withLearning: true);
        using var client = host.Client(EuAdult);
        var large = """{"rating":-1,"reason":" """ + new string('x', 64 * 1024) + "\"}";

        var tooLarge = await client.PostAsync("/policy/feedback", Json(large));
        var text = await client.PostAsync("/policy/feedback", new StringContent(TooLong, System.Text.Encoding.UTF8, "text/plain"));
        var utf16 = await client.PostAsync("/policy/feedback", new StringContent(TooLong, System.Text.Encoding.Unicode, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, utf16.StatusCode);
        Assert.Equal(0, host.Feedback.Count);
    }

    [Fact]
    public async Task The_context_is_recorded_from_the_request_and_a_reason_is_kept_only_with_consent()
    {
        await using var host = await PolicyHost.StartAsync(withLearning: true);
        var consent = new FeedbackLearningOptions().ConsentFact;
        using var minor = host.Client(TestUsers.Describe("mia", "EU", minor: true));
        using var consenting = host.Client(TestUsers.Describe("cem", "DE", minor: false) + ";" + PolicyHost.ConsentClaim + "=true");
        const string WithReason = """{"nudges":[{"dimension":"verbosity","direction":"lower","label":"too long"}],"reason":"I read on my phone"}""";

        var dropped = await Body(await minor.PostAsync("/policy/feedback", Json(WithReason)));
        var kept = await Body(await consenting.PostAsync("/policy/feedback", Json(WithReason)));

        Assert.False(dropped["reasonKept"]!.GetValue<bool>());
        Assert.True(kept["reasonKept"]!.GetValue<bool>());
        var miaEvent = Assert.Single(host.Feedback.Events("mia"));
        Assert.Null(miaEvent.Reason);
        Assert.Equal("EU", miaEvent.Jurisdiction);
        Assert.True((miaEvent.FactsKnown & Fact.Minor) != 0 && (miaEvent.FactsHolding & Fact.Minor) != 0);
        Assert.Equal(Fact.None, miaEvent.FactsKnown & consent);
        var cemEvent = Assert.Single(host.Feedback.Events("cem"));
        Assert.Equal("I read on my phone", cemEvent.Reason);
        Assert.Equal("DE", cemEvent.Jurisdiction);
        Assert.Equal(consent, cemEvent.FactsHolding & consent);
        Assert.Equal((await Body(await consenting.GetAsync("/policy/preferences")))["policyVersion"]!.GetValue<string>(), cemEvent.PolicyVersion);

        var exported = new List<string>();
        await foreach (var e in host.Feedback.ConsentedAsync(PolicyHost.Policy, consent))
        {
            exported.Add(e.UserId);
        }

        Assert.Equal(["cem"], exported);
    }

    [Fact]
    public async Task Without_feedback_learning_there_are_no_feedback_endpoints_and_nothing_is_learned()
    {
        await using var host = await PolicyHost.StartAsync();
        using var client = host.Client(EuAdult);

        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/policy/feedback", Json(TooLong))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/policy/learned")).StatusCode);
        Assert.Empty((await Body(await client.GetAsync("/policy/preferences")))["learned"]!.AsArray());
    }
}
