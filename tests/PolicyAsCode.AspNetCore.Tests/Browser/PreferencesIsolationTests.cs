using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace PolicyAsCode.AspNetCore.Tests.Browser;

/// <summary>
/// Requests no page of the sample would make, sent with a signed-in user's own session cookie: hostile documents
/// are refused with the paths of what is wrong and store nothing, and no request reaches another user's record.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PreferencesIsolationTests(WebAssistantServer server)
{
    [Fact]
    public async Task A_forged_PUT_of_hostile_JSON_gets_422_with_paths_and_changes_nothing()
    {
        await server.ResetAsync("mia");
        using var browser = new BrowserSession(server);
        browser.SignIn("mia");
        using var mia = browser.ClientWithSessionCookie();
        var first = await PutAsync(mia, """{"tone":"Neutral","maturity":"Teen"}""", etag: null);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var before = await server.StoredAsync("mia");
        Assert.NotNull(before);

        // Terminal escapes in a value, a number no integer holds, a flag twice, a property no dimension has, the
        // same dimension twice, and a type a dimension never takes.
        const string hostile = """
            {"tone":"\u001b[2J\u202eNeutral","memoryDays":1e400,"topics":["Science","Science"],"__proto__":{"admin":true},
             "maturity":"Mature","maturity":"General","discloseAi":"false"}
            """;
        var forged = await PutAsync(mia, hostile, first.Headers.ETag?.Tag);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, forged.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await forged.Content.ReadAsStringAsync())!;
        var paths = problem["errors"]!.AsArray().Select(e => (string?)e!["path"]).ToList();
        Assert.Contains("$.tone", paths);
        Assert.Contains("$.memoryDays", paths);
        Assert.Contains("$.topics[1]", paths);
        Assert.Contains("$.__proto__", paths);
        Assert.Contains("$.maturity", paths);
        Assert.Contains("$.discloseAi", paths);
        // The untrusted text is never echoed raw: no escape character reaches a message.
        Assert.DoesNotContain(problem["errors"]!.AsArray(), e => ((string?)e!["message"])!.Any(c => c == '\u001b' || c == '\u202e'));

        var after = await server.StoredAsync("mia");
        Assert.Equal(before, after);
        var read = JsonNode.Parse(await mia.GetStringAsync("policy/preferences"))!;
        Assert.Equal(before.Revision, (long)read["revision"]!);
        Assert.Equal("Neutral", (string?)read["preferences"]!["tone"]);
    }

    [Fact]
    public async Task A_user_can_neither_read_nor_write_another_users_preferences()
    {
        await server.ResetAsync("mia");
        await server.ResetAsync("sam");
        using var mia = await SignedInClientAsync("mia");
        using var sam = await SignedInClientAsync("sam");
        Assert.Equal(HttpStatusCode.OK, (await PutAsync(sam, """{"tone":"Playful","verbosity":"Detailed"}""", etag: null)).StatusCode);
        var samsRecord = await server.StoredAsync("sam");
        Assert.NotNull(samsRecord);

        // Whatever names Sam in the request, Mia reads her own (empty) record: the user comes from her sign-in alone.
        foreach (var url in new[] { "policy/preferences", "policy/preferences?user=sam", "policy/preferences?userId=sam", "policy/preferences/sam" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Add("X-User-Id", "sam");
            using var response = await mia.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                Assert.Null(body["preferences"]);
                Assert.Equal(0, (long)body["revision"]!);
            }
            else
            {
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode); // no such endpoint, nothing of Sam's
                Assert.DoesNotContain("Playful", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }

        // Mia's writes aimed at Sam, even with Sam's revision, land in her own record or nowhere.
        var samsTag = "\"" + samsRecord.Revision + "\"";
        var aimed = await PutAsync(mia, """{"tone":"Neutral"}""", samsTag, "policy/preferences?user=sam", ("X-User-Id", "sam"));
        Assert.Equal(HttpStatusCode.PreconditionFailed, aimed.StatusCode); // Sam's revision is no revision of Mia's
        var own = await PutAsync(mia, """{"tone":"Neutral"}""", etag: null, "policy/preferences?userId=sam");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(samsRecord, await server.StoredAsync("sam"));
        Assert.Equal("Neutral", (string?)JsonNode.Parse((await server.StoredAsync("mia"))!.Json)!["tone"]);

        // And Sam still reads exactly what he saved.
        var sams = JsonNode.Parse(await sam.GetStringAsync("policy/preferences"))!;
        Assert.Equal("Playful", (string?)sams["preferences"]!["tone"]);
        Assert.Equal(samsRecord.Revision, (long)sams["revision"]!);
    }

    [Fact]
    public async Task Without_a_sign_in_the_preferences_are_neither_read_nor_written()
    {
        await server.ResetAsync("mia");
        using var anonymous = new HttpClient { BaseAddress = server.Address };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("policy/preferences")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PutAsync(anonymous, """{"tone":"Neutral"}""", etag: null)).StatusCode);
        Assert.Null(await server.StoredAsync("mia"));
    }

    private async Task<HttpClient> SignedInClientAsync(string userId)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = server.Address };
        using var signIn = await client.PostAsync("signin", new FormUrlEncodedContent([new("user", userId)]));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return client;
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string json, string? etag, string url = "policy/preferences", params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.Add(name, value);
        }

        return await client.SendAsync(request);
    }
}
