using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using OpenQA.Selenium;
using Xunit;

namespace PolicyAsCode.AspNetCore.Tests.Browser;

/// <summary>
/// The sample end to end in a real browser: chat answers carry the decision id feedback names, feedback given through
/// the API shows on the settings page as learned, explained, and Undo takes it away.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SettingsLearnedTests(WebAssistantServer server)
{
    [Fact]
    public async Task Feedback_shows_as_learned_on_the_settings_page_and_Undo_takes_it_away()
    {
        await server.ResetAsync("sam");
        using var browser = new BrowserSession(server);
        browser.SignIn("sam");
        using var client = browser.ClientWithSessionCookie();
        var before = await Verbosity(client);

        // Feedback on a real answer, naming the decision that served it.
        var reply = JsonNode.Parse(await (await client.PostAsync("/api/chat", Json("""{"message":"How do plants make food?"}"""))).Content.ReadAsStringAsync())!;
        var decisionId = reply["decisionId"]!.GetValue<string>();
        Assert.True(Guid.TryParse(decisionId, out _), $"the answer's decision id is a UUID: {decisionId}");
        for (var i = 0; i < 6; i++)
        {
            var feedback = $$"""{"nudges":[{"dimension":"verbosity","direction":"lower","label":"too long"}],"decisionId":"{{decisionId}}"}""";
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/policy/feedback", Json(feedback))).StatusCode);
        }

        var learnedVerbosity = await Verbosity(client);
        Assert.NotEqual(before, learnedVerbosity);

        browser.OpenSettings();
        var change = browser.Until(d => d.FindElements(By.CssSelector("#learned li.learned-change[data-dimension=verbosity]")).FirstOrDefault(), "the learned verbosity");
        Assert.True(browser.Element("#learned").Displayed);
        Assert.Equal("Learned from your feedback", browser.Element("#learned-title").Text);
        var explanation = change.FindElement(By.CssSelector(".learned-explanation")).Text;
        Assert.Contains("too long", explanation, StringComparison.Ordinal);
        Assert.Contains(learnedVerbosity, explanation, StringComparison.Ordinal);
        Assert.Contains(learnedVerbosity, browser.Element("#dim--verbosity .effective").Text, StringComparison.Ordinal);
        var screenshot = browser.SaveScreenshot("settings-learned.png");
        Assert.True(new System.IO.FileInfo(screenshot).Length > 10_000, "The screenshot of the learned section is written.");

        change.FindElement(By.CssSelector("button.undo")).Click();

        browser.Until(d => d.FindElements(By.CssSelector("#learned li.learned-change[data-dimension=verbosity]")).Count == 0, "the learned verbosity to go");
        Assert.StartsWith("Undone", browser.Element("#learned-status").Text, StringComparison.Ordinal);
        Assert.True(browser.Element("#learned-none").Displayed);
        Assert.Equal(before, await Verbosity(client));

        // Reloaded, the page shows the default in effect again, and nothing learned.
        browser.OpenSettings();
        browser.Until(d => d.FindElement(By.Id("learned")).Displayed, "the learned section");
        Assert.Contains(before, browser.Element("#dim--verbosity .effective").Text, StringComparison.Ordinal);
        Assert.Empty(browser.Driver.FindElements(By.CssSelector("#learned li.learned-change")));
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private static async Task<string> Verbosity(HttpClient client)
    {
        var body = JsonNode.Parse(await client.GetStringAsync("/policy/preferences"))!;
        return body["effective"]!["verbosity"]!.GetValue<string>();
    }
}
