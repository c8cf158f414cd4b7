using System;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace PolicyAsCode.AspNetCore.Tests.Endpoints;

public sealed class DocumentEndpointTests
{
    [Fact]
    public async Task The_schema_is_public_and_follows_the_users_jurisdiction_and_facts()
    {
        await using var host = await PolicyHost.StartAsync();

        var anonymous = await host.Client().GetAsync("/policy/schema");
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Equal("application/schema+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.Contains("any jurisdiction", (await PreferencesEndpointTests.Body(anonymous))["title"]!.GetValue<string>(), StringComparison.Ordinal);

        var deMinor = await PreferencesEndpointTests.Body(await host.Client(TestUsers.Describe("lena", "DE", minor: true) + ";consents=true").GetAsync("/policy/schema"));
        Assert.Contains("DE within EU", deMinor["title"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, deMinor["properties"]!["memoryDays"]!["maximum"]!.GetValue<long>());

        var deAdult = await PreferencesEndpointTests.Body(await host.Client(TestUsers.Describe("max", "DE", minor: false) + ";consents=true").GetAsync("/policy/schema"));
        Assert.Equal(14, deAdult["properties"]!["memoryDays"]!["maximum"]!.GetValue<long>());
    }

    [Fact]
    public async Task An_absent_or_unreadable_fact_claim_leaves_the_fact_unknown_so_its_bounds_apply()
    {
        await using var host = await PolicyHost.StartAsync();
        foreach (var user in new[] { TestUsers.Describe("kim", "DE"), "kim;jurisdiction=DE;minor=yes" })
        {
            var schema = await PreferencesEndpointTests.Body(await host.Client(user).GetAsync("/policy/schema"));
            Assert.Equal(0, schema["properties"]!["memoryDays"]!["maximum"]!.GetValue<long>());
        }

        // No claim: the user's stored setting names the jurisdiction; a claim, when there is one, comes first.
        var stored = await PreferencesEndpointTests.Body(await host.Client("de-kim;minor=false;consents=true").GetAsync("/policy/schema"));
        Assert.Contains("DE within EU", stored["title"]!.GetValue<string>(), StringComparison.Ordinal);
        var claimed = await PreferencesEndpointTests.Body(await host.Client("de-kim;jurisdiction=US;minor=false").GetAsync("/policy/schema"));
        Assert.Contains("in US", claimed["title"]!.GetValue<string>(), StringComparison.Ordinal);

        // A jurisdiction the policy does not know applies every law, as no jurisdiction does.
        var nowhere = await PreferencesEndpointTests.Body(await host.Client(TestUsers.Describe("kim", "Atlantis", minor: false)).GetAsync("/policy/schema"));
        Assert.Contains("any jurisdiction", nowhere["title"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claims_that_contradict_each_other_establish_nothing()
    {
        await using var host = await PolicyHost.StartAsync();

        // Whichever claim came first, "not a minor" must not win over "a minor": the fact is unknown, so its bounds apply.
        foreach (var claims in new[] { "kim;jurisdiction=DE;minor=false;minor=true;consents=true", "kim;jurisdiction=DE;minor=true;minor=FALSE;consents=true" })
        {
            var schema = await PreferencesEndpointTests.Body(await host.Client(claims).GetAsync("/policy/schema"));
            Assert.Equal(0, schema["properties"]!["memoryDays"]!["maximum"]!.GetValue<long>());
        }

        // The same value twice still establishes it.
        var repeated = await PreferencesEndpointTests.Body(await host.Client("kim;jurisdiction=DE;minor=false;minor=false;consents=true").GetAsync("/policy/schema"));
        Assert.Equal(14, repeated["properties"]!["memoryDays"]!["maximum"]!.GetValue<long>());

        // Two jurisdictions name none: every law applies (the stored setting is not asked when a claim names one).
        var both = await PreferencesEndpointTests.Body(await host.Client("de-kim;jurisdiction=US;jurisdiction=DE;minor=false").GetAsync("/policy/schema"));
        Assert.Contains("any jurisdiction", both["title"]!.GetValue<string>(), StringComparison.Ordinal);
        var same = await PreferencesEndpointTests.Body(await host.Client("kim;jurisdiction=US;jurisdiction=us;minor=false").GetAsync("/policy/schema"));
        Assert.Contains("in US", same["title"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_card_shows_the_users_jurisdiction_as_json_or_markdown()
    {
        await using var host = await PolicyHost.StartAsync();
        using var client = host.Client(TestUsers.Describe("ava", "US-CA", minor: false));

        var json = await PreferencesEndpointTests.Body(await client.GetAsync("/policy/card"));
        var names = json["jurisdictions"]!.AsArray().Select(j => j!["jurisdiction"]!.GetValue<string>()).ToArray();
        Assert.Equal(["US-CA"], names);

        var markdown = await client.GetAsync("/policy/card?format=markdown");
        Assert.Equal("text/markdown", markdown.Content.Headers.ContentType?.MediaType);
        var text = await markdown.Content.ReadAsStringAsync();
        Assert.Contains("US-CA", text, StringComparison.Ordinal);
        Assert.DoesNotContain("## EU", text, StringComparison.Ordinal);

        var every = await PreferencesEndpointTests.Body(await host.Client().GetAsync("/policy/card"));
        Assert.True(every["jurisdictions"]!.AsArray().Count >= 4);
    }

    [Theory]
    [InlineData("/policy/schema")]
    [InlineData("/policy/card")]
    [InlineData("/policy/explain")]
    public async Task A_group_that_requires_sign_in_keeps_the_documents_private_and_the_page_public(string document)
    {
        await using var host = await PolicyHost.StartAsync(signInRequired: true);
        using var anonymous = host.Client();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(document)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client(TestUsers.Describe("sam", "US", minor: false)).GetAsync(document)).StatusCode);
        // The page and its script hold no data: they stay public and tell the visitor to sign in.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/policy/settings")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/policy/settings/page.js")).StatusCode);
    }

    [Fact]
    public async Task The_chat_middleware_sees_the_signed_in_users_stored_preferences_and_context()
    {
        await using var host = await PolicyHost.StartAsync();
        using var mia = host.Client(TestUsers.Describe("mia", "EU", minor: true));
        await mia.PutAsync("/policy/preferences", PreferencesEndpointTests.Json("""{"language":"fr"}"""));

        Assert.Equal("EU|Minor|Minor|General|fr", await mia.GetStringAsync("/accessor"));

        // Anonymous: no jurisdiction, nothing known, the defaults (the strictest treatment the policy gives).
        Assert.Equal("|None|None|General|en", await host.Client().GetStringAsync("/accessor"));
    }

    [Fact]
    public async Task A_handler_and_the_filter_share_one_resolution_made_with_one_store_read()
    {
        await using var host = await PolicyHost.StartAsync();
        using var mia = host.Client(TestUsers.Describe("mia", "EU", minor: true));
        await mia.PutAsync("/policy/preferences", PreferencesEndpointTests.Json("""{"maturity":"Mature"}"""));
        var before = host.Store.Finds;

        Assert.Equal("True|Teen|1", await mia.GetStringAsync("/lesson"));
        Assert.Equal(before + 1, host.Store.Finds);
    }

    [Fact]
    public async Task Explain_names_the_tier_and_reason_of_each_excluded_value_and_the_users_own_resolution()
    {
        await using var host = await PolicyHost.StartAsync();
        using var mia = host.Client(TestUsers.Describe("mia", "EU", minor: true));
        await mia.PutAsync("/policy/preferences", PreferencesEndpointTests.Json("""{"maturity":"Mature"}"""));

        var explained = await PreferencesEndpointTests.Body(await mia.GetAsync("/policy/explain"));
        var maturity = explained["dimensions"]!.AsArray().Single(d => d!["name"]!.GetValue<string>() == "maturity")!;
        var mature = maturity["options"]!.AsArray().Single(o => o!["value"]!.GetValue<string>() == "Mature")!;
        Assert.False(mature["allowed"]!.GetValue<bool>());
        Assert.Equal("law of EU", mature["excludedBy"]!["tier"]!.GetValue<string>());
        Assert.Equal("minors get at most teen content", mature["excludedBy"]!["reason"]!.GetValue<string>());
        Assert.Equal("Mature", maturity["requested"]!.GetValue<string>());
        Assert.Equal("Teen", maturity["effective"]!.GetValue<string>());
        Assert.Contains("law of EU", maturity["adjustment"]!.GetValue<string>(), StringComparison.Ordinal);

        // Anonymous: nothing asked. A known adult: the law's bound for minors does not apply, so the organisation's excludes Mature.
        var anonymous = await PreferencesEndpointTests.Body(await host.Client().GetAsync("/policy/explain"));
        var anyMaturity = anonymous["dimensions"]!.AsArray().Single(d => d!["name"]!.GetValue<string>() == "maturity")!;
        Assert.Null(anyMaturity["requested"]);

        using var sam = host.Client(TestUsers.Describe("sam", "EU", minor: false));
        var adult = await PreferencesEndpointTests.Body(await sam.GetAsync("/policy/explain"));
        var adultMature = adult["dimensions"]!.AsArray().Single(d => d!["name"]!.GetValue<string>() == "maturity")!["options"]!.AsArray()
            .Single(o => o!["value"]!.GetValue<string>() == "Mature")!;
        Assert.Equal("organisation contoso-learning", adultMature["excludedBy"]!["tier"]!.GetValue<string>());
    }

    [Fact]
    public async Task Societal_monitoring_counts_each_requests_one_resolution_and_nothing_under_the_threshold()
    {
        await using var host = await PolicyHost.StartAsync(monitorBucketSize: 3);
        using var mia = host.Client(TestUsers.Describe("mia", "EU", minor: true));
        await mia.PutAsync("/policy/preferences", PreferencesEndpointTests.Json("""{"maturity":"Mature"}"""));
        for (var i = 0; i < 3; i++)
        {
            await mia.GetStringAsync("/policy/explain");
        }

        await host.Client(TestUsers.Describe("sam", "US", minor: false)).GetStringAsync("/policy/explain");

        var monitor = host.Services.GetRequiredService<PolicyAsCode.Runtime.SocietalMonitor<QuickStart.Policies.LearnerPreferences>>();
        var snapshot = monitor.Snapshot();

        // The PUT resolves the empty record once before saving, and the three GETs resolve the stored one once each: four in
        // the EU, three of them asking Mature; one in the US, under the threshold.
        var eu = Assert.Single(snapshot.ResolutionsByJurisdiction);
        Assert.Equal(("EU", 4L), (eu.Jurisdiction, eu.Count));
        Assert.Contains(snapshot.Values, v => v.Dimension == "Maturity" && v.Side == PolicyAsCode.Monitoring.ValueSide.Requested && v.Bucket == "Mature" && v.Count == 3);
        Assert.DoesNotContain(snapshot.Values, v => v.Jurisdiction == "US");
    }
}
