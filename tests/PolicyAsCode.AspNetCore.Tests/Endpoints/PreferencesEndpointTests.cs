using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace PolicyAsCode.AspNetCore.Tests.Endpoints;

public sealed class PreferencesEndpointTests
{
    private static readonly string EuMinor = TestUsers.Describe("mia", "EU", minor: true);
    private static readonly string UsAdult = TestUsers.Describe("sam", "US", minor: false);

    [Fact]
    public async Task Anonymous_requests_reach_no_record()
    {
        await using var host = await PolicyHost.StartAsync();
        using var client = host.Client();
        var get = await client.GetAsync("/policy/preferences");
        var put = await client.PutAsync("/policy/preferences", Json("""{"tone":"Neutral"}"""));

        foreach (var response in new[] { get, put })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("urn:policyascode:problem:sign-in-required", (await Body(response))["type"]!.GetValue<string>());
        }

        Assert.Equal(0, host.Store.Saves);
    }

    [Fact]
    public async Task A_first_save_is_stored_as_asked_and_resolved_within_the_bounds()
    {
        await using var host = await PolicyHost.StartAsync();
        using var client = host.Client(EuMinor);
        var response = await client.PutAsync("/policy/preferences", Json("""{"maturity":"Mature","tone":"Neutral"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var body = await Body(response);
        Assert.Equal(1, body["revision"]!.GetValue<long>());
        Assert.Equal("Mature", body["preferences"]!["maturity"]!.GetValue<string>());
        Assert.Equal("Teen", body["effective"]!["maturity"]!.GetValue<string>());
        Assert.Equal("Neutral", body["effective"]!["tone"]!.GetValue<string>());
        var maturity = Assert.Single(body["adjustments"]!.AsArray(), a => a!["dimension"]!.GetValue<string>() == "maturity")!;
        Assert.Equal("Clamped", maturity["cause"]!.GetValue<string>());
        Assert.Equal("law of EU", maturity["tier"]!.GetValue<string>());
        Assert.Equal("minors get at most teen content", maturity["reason"]!.GetValue<string>());
        Assert.Contains("asked Mature, granted Teen", maturity["explanation"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(body["moved"]!.AsArray());

        // The request is what is stored, with only the dimensions the document set: the rest keep following the defaults.
        var stored = host.Store[PolicyHost.Policy, "mia"]!;
        Assert.Equal("""{"maturity":"Mature","tone":"Neutral"}""", stored.Json);
        Assert.Equal(body["policyVersion"]!.GetValue<string>(), stored.PolicyVersion);
    }

    [Fact]
    public async Task Every_later_save_names_the_revision_it_replaces()
    {
        await using var host = await PolicyHost.StartAsync();
        using var client = host.Client(UsAdult);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsync("/policy/preferences", Json("""{"tone":"Neutral"}"""))).StatusCode);

        var missing = await client.PutAsync("/policy/preferences", Json("""{"tone":"Playful"}"""));
        Assert.Equal(HttpStatusCode.PreconditionRequired, missing.StatusCode);

        var stale = await Put(client, """{"tone":"Playful"}""", "\"7\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal("\"1\"", stale.Headers.ETag?.Tag);

        var fresh = await Put(client, """{"tone":"Playful"}""", "\"1\"");
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal("\"2\"", fresh.Headers.ETag?.Tag);
        Assert.Equal("""{"tone":"Playful"}""", host.Store[PolicyHost.Policy, "sam"]!.Json);
        Assert.Equal(2, host.Store.Saves);
    }

    [Fact]
    public async Task Two_saves_from_one_revision_never_lose_an_update()
    {
        await using var host = await PolicyHost.StartAsync();
        using var client = host.Client(UsAdult);
        await client.PutAsync("/policy/preferences", Json("""{"tone":"Neutral"}"""));

        var racing = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Put(client, $$"""{"memoryDays":{{i + 1}}}""", "\"1\"")));

        Assert.Equal(1, racing.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(7, racing.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));
        var stored = host.Store[PolicyHost.Policy, "sam"]!;
        Assert.Equal(2, stored.Revision);
        var winner = await Body(racing.Single(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(winner["preferences"]!.ToJsonString(), stored.Json);
    }

    [Theory]
    [InlineData("""{"maturity":"Adult"}""", "$.maturity")]
    [InlineData("""{"memoryDays":"forever"}""", "$.memoryDays")]
    [InlineData("""{"topics":["Science",7]}""", "$.topics[1]")]
    [InlineData("""{"maturity":"General","maturity":"Mature"}""", "$.maturity")]
    [InlineData("""{"tone":"Neutral",""", "$")]
    [InlineData("""[1,2,3]""", "$")]
    [InlineData("""{"\uD800":1}""", "$")]
    [InlineData("""{"language":"\uD800"}""", "$.language")]
    [InlineData("""{"language":"fr\u0000"}""", "$.language")]
    [InlineData("""{"topics":["Science","\uDC00"]}""", "$.topics[1]")]
    public async Task A_hostile_document_is_422_with_paths_and_changes_nothing(string document, string path)
    {
        await using var host = await PolicyHost.StartAsync();
        using var client = host.Client(EuMinor);
        await client.PutAsync("/policy/preferences", Json("""{"tone":"Playful"}"""));

        var response = await Put(client, document, "\"1\"");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await Body(response))["errors"]!.AsArray();
        Assert.Contains(errors, e => e!["path"]!.GetValue<string>().StartsWith(path, StringComparison.Ordinal));
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e!["message"]!.GetValue<string>())));
        Assert.Equal("""{"tone":"Playful"}""", host.Store[PolicyHost.Policy, "mia"]!.Json);
        Assert.Equal(1, host.Store.Saves);
    }

    [Fact]
    public async Task Asking_to_store_the_readable_part_stores_only_what_read()
    {
        await using var host = await PolicyHost.StartAsync();
        using var client = host.Client(EuMinor);
        var response = await client.PutAsync("/policy/preferences?storeReadable=true", Json("""{"tone":"Neutral","maturity":"Adult","memoryDays":3}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await Body(response);
        Assert.Equal("$.maturity", Assert.Single(body["notStored"]!.AsArray())!["path"]!.GetValue<string>());
        Assert.Equal("""{"tone":"Neutral","memoryDays":3}""", host.Store[PolicyHost.Policy, "mia"]!.Json);

        // A document with nothing readable stores nothing, even when asked to store the readable part.
        var nothing = await Put(client, """{"maturity":"Adult"}""", "\"1\"", "?storeReadable=true");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, nothing.StatusCode);
        Assert.Equal(1, host.Store.Saves);
    }

    [Fact]
    public async Task The_body_must_be_json_and_at_most_64_KiB()
    {
        await using var host = await PolicyHost.StartAsync();
        using var client = host.Client(UsAdult);
        var text = await client.PutAsync("/policy/preferences", new StringContent("""{"tone":"Neutral"}""", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);

        var huge = "{\"tone\":\"Neutral\"" + new string(' ', 64 * 1024) + "}";
        var large = await client.PutAsync("/policy/preferences", Json(huge));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);

        // Chunked, with no length announced: bounded all the same.
        var chunked = new StreamContent(new System.IO.MemoryStream(Encoding.UTF8.GetBytes(huge)));
        chunked.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var streamed = await client.PutAsync("/policy/preferences", chunked);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
        Assert.Equal(0, host.Store.Saves);
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("iso-8859-1")]
    public async Task A_body_that_says_it_is_not_UTF_8_is_refused_and_nothing_is_stored(string charset)
    {
        await using var host = await PolicyHost.StartAsync();
        using var client = host.Client(UsAdult);
        var encoding = Encoding.GetEncoding(charset);
        var content = new ByteArrayContent(encoding.GetBytes("""{"tone":"Neutral","language":"fr"}"""));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = charset };

        var response = await client.PutAsync("/policy/preferences", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("UTF-8", (await Body(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, host.Store.Saves);

        // Saying UTF-8, in either spelling, is the same as saying nothing.
        foreach (var utf8 in new[] { "utf-8", "UTF8" })
        {
            var said = new StringContent("""{"tone":"Neutral"}""", Encoding.UTF8);
            said.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = utf8 };
            var request = new HttpRequestMessage(HttpMethod.Put, "/policy/preferences") { Content = said };
            if (host.Store[PolicyHost.Policy, "sam"] is { } stored)
            {
                request.Headers.TryAddWithoutValidation("If-Match", "\"" + stored.Revision + "\"");
            }

            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        }
    }

    [Fact]
    public async Task One_user_never_reads_or_writes_another_users_record()
    {
        await using var host = await PolicyHost.StartAsync();
        using var mia = host.Client(EuMinor);
        using var sam = host.Client(UsAdult);
        await mia.PutAsync("/policy/preferences", Json("""{"tone":"Playful"}"""));

        var samsView = await Body(await sam.GetAsync("/policy/preferences"));
        Assert.Null(samsView["preferences"]);
        Assert.Equal(0, samsView["revision"]!.GetValue<long>());

        // Sam's first save creates Sam's record; Mia's revision 1 means nothing to it.
        var samsSave = await Put(sam, """{"tone":"Neutral"}""", "\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, samsSave.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sam.PutAsync("/policy/preferences", Json("""{"tone":"Neutral"}"""))).StatusCode);
        Assert.Equal("""{"tone":"Playful"}""", host.Store[PolicyHost.Policy, "mia"]!.Json);
        Assert.Equal("""{"tone":"Neutral"}""", host.Store[PolicyHost.Policy, "sam"]!.Json);
    }

    [Fact]
    public async Task A_record_saved_under_another_policy_version_still_reads_and_says_what_moved()
    {
        await using var host = await PolicyHost.StartAsync();
        host.Store.Put(new StoredPreferences(PolicyHost.Policy, "mia", """{"maturity":"Mature","memoryDays":400,"retired":1}""", "older", 3, DateTimeOffset.UnixEpoch));
        using var client = host.Client(EuMinor);

        var body = await Body(await client.GetAsync("/policy/preferences"));

        Assert.Equal("older", body["storedUnder"]!.GetValue<string>());
        Assert.NotEqual("older", body["policyVersion"]!.GetValue<string>());
        var moved = body["moved"]!.AsArray().Select(m => m!["dimension"]!.GetValue<string>()).ToArray();
        Assert.Contains("maturity", moved);
        Assert.Contains("memoryDays", moved);
        Assert.Equal("Teen", body["effective"]!["maturity"]!.GetValue<string>());
        Assert.Contains(body["storedProblems"]!.AsArray(), p => p!["path"]!.GetValue<string>() == "$.retired");
    }

    [Fact]
    public async Task Without_a_store_the_preferences_endpoints_say_so()
    {
        await using var host = await PolicyHost.StartAsync(withStore: false);
        using var client = host.Client(UsAdult);
        var response = await client.GetAsync("/policy/preferences");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("urn:policyascode:problem:no-store", (await Body(response))["type"]!.GetValue<string>());
    }

    internal static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    internal static async Task<JsonObject> Body(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    private static Task<HttpResponseMessage> Put(HttpClient client, string document, string ifMatch, string query = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/policy/preferences" + query) { Content = Json(document) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }
}
