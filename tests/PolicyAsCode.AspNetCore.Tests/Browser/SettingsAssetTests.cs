using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace PolicyAsCode.AspNetCore.Tests.Browser;

/// <summary>How the settings page and its files are served: types, a strict CSP, versioned and revalidated caching.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class SettingsAssetTests(WebAssistantServer server)
{
    [Fact]
    public async Task The_page_is_HTML_under_a_CSP_that_allows_only_its_own_files_and_no_inline_script()
    {
        using var client = new HttpClient { BaseAddress = server.Address };
        using var page = await client.GetAsync("policy/settings");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", page.Content.Headers.ContentType?.CharSet);
        var csp = Assert.Single(page.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("default-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(page.Headers.GetValues("X-Content-Type-Options")));

        // Nothing inline for the CSP to have to allow: every script has a src, no element has a style or on* attribute.
        var html = await page.Content.ReadAsStringAsync();
        Assert.All(ScriptTags().Matches(html), tag => Assert.Contains(" src=", tag.Value, StringComparison.Ordinal));
        Assert.DoesNotMatch(InlineAttributes(), html);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("page.css", "text/css")]
    [InlineData("page.js", "text/javascript")]
    public async Task Each_asset_has_its_type_and_is_cached_for_good_only_at_the_version_the_page_links(string asset, string mediaType)
    {
        using var client = new HttpClient { BaseAddress = server.Address };
        var html = await client.GetStringAsync("policy/settings");
        var link = Assert.Single(Regex.Matches(html, "settings/" + Regex.Escape(asset) + @"\?v=([0-9a-f]+)")).Value;

        using var versioned = await client.GetAsync("policy/" + link);
        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        Assert.Equal(mediaType, versioned.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", versioned.Headers.CacheControl?.ToString());
        var etag = versioned.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);

        // Another version (an old page's link, or none) is revalidated, and a matching ETag answers 304.
        using var unversioned = await client.GetAsync("policy/settings/" + asset + "?v=0");
        Assert.Equal("no-cache", unversioned.Headers.CacheControl?.ToString());
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "policy/settings/" + asset);
        revalidate.Headers.IfNoneMatch.Add(etag);
        using var notModified = await client.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag);
    }

    [Theory]
    [InlineData("page.html")]
    [InlineData("settings")]
    [InlineData("..%2Fexplain")]
    [InlineData("PolicyAsCode.AspNetCore.Settings.page.js")]
    public async Task Only_the_pages_own_files_are_served(string asset)
    {
        using var client = new HttpClient { BaseAddress = server.Address };
        using var response = await client.GetAsync("policy/settings/" + asset);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_trailing_slash_is_sent_to_the_address_the_pages_relative_links_work_from()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = server.Address };
        using var response = await client.GetAsync("policy/settings/");
        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal(server.At("policy/settings"), new Uri(server.At("policy/settings/"), response.Headers.Location!));
    }

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTags();

    [GeneratedRegex(@"\s(style|on[a-z]+)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineAttributes();
}
