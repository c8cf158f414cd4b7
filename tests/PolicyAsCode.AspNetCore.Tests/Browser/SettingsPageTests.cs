using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using OpenQA.Selenium;
using Xunit;

namespace PolicyAsCode.AspNetCore.Tests.Browser;

/// <summary>The settings page in a real browser, as the EU minor of the sample (Mia, 15) and as an anonymous visitor.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SettingsPageTests(WebAssistantServer server)
{
    [Fact]
    public async Task The_minor_in_the_EU_sees_Mature_disabled_with_the_law_and_its_reason()
    {
        await server.ResetAsync("mia");
        using var browser = new BrowserSession(server);
        browser.SignIn("mia");
        browser.WaitForSettings();

        var mature = browser.Option("maturity", "Mature");
        var input = mature.FindElement(By.TagName("input"));
        Assert.False(input.Enabled);
        // Said in words next to the value, and tied to the control for screen readers: not a greyed-out look alone.
        var why = mature.FindElement(By.CssSelector(".why"));
        Assert.Equal("Not available: law of EU — minors get at most teen content", why.Text.Trim('⊘', '\u00a0', ' '));
        Assert.Equal(why.GetAttribute("id"), input.GetAttribute("aria-describedby"));

        // What the minor may pick stays enabled, and the one in effect is the one checked.
        var teen = browser.Option("maturity", "Teen").FindElement(By.TagName("input"));
        var general = browser.Option("maturity", "General").FindElement(By.TagName("input"));
        Assert.True(teen.Enabled);
        Assert.True(general.Enabled);
        Assert.True(general.Selected);
        Assert.Contains("General", browser.Element("#dim--maturity .effective").Text, StringComparison.Ordinal);

        // The organisation's bound is worded the same way where it is the one that excludes.
        var sarcastic = browser.Option("tone", "Sarcastic");
        Assert.False(sarcastic.FindElement(By.TagName("input")).Enabled);
        Assert.Contains("organisation contoso-learning — sarcasm discourages learners", sarcastic.Text, StringComparison.Ordinal);

        // The benefits and risks the setting is linked to are listed with it.
        var facts = browser.Element("#dim--maturity dl.facts").Text;
        Assert.Contains("Benefits it serves", facts, StringComparison.Ordinal);
        Assert.Contains("Risks it guards against", facts, StringComparison.Ordinal);
        Assert.Null(browser.Element("#save").GetAttribute("disabled"));

        var screenshot = browser.SaveScreenshot("settings-eu-minor.png");
        Assert.True(new System.IO.FileInfo(screenshot).Length > 10_000, "The screenshot of the settings page is written.");
    }

    [Fact]
    public async Task Saving_shows_the_effective_values_and_why_a_value_was_adjusted()
    {
        await server.ResetAsync("mia");
        using var browser = new BrowserSession(server);
        browser.SignIn("mia");
        browser.WaitForSettings();

        browser.Option("tone", "Neutral").FindElement(By.TagName("input")).Click();
        var creativity = browser.Element("#dim--creativity input[type=number]");
        Assert.Equal("0.8", creativity.GetAttribute("max")); // the organisation's bound, from the explanation
        creativity.Clear();
        creativity.SendKeys("0.95"); // a request above the bound: resolution clamps it and says why
        browser.Element("#save").Click();

        var outcome = browser.Until(d => d.FindElement(By.Id("outcome")) is { } o && o.Text.StartsWith("Saved", StringComparison.Ordinal) ? o : null, "the save to be reported");
        Assert.Equal("polite", outcome.GetAttribute("aria-live"));
        var effective = Effective(outcome);
        Assert.Equal("Neutral", effective["Tone"]);
        Assert.Equal("0.8", effective["Creativity"]);
        var adjustment = outcome.FindElements(By.CssSelector(".adjustments li")).Select(li => li.Text).Single();
        Assert.Contains("explanations stay factual", adjustment, StringComparison.Ordinal);
        Assert.Equal(adjustment, browser.Element("#dim--creativity .adjustment").Text.Replace("Adjusted: ", string.Empty, StringComparison.Ordinal));
        Assert.Equal("0.8", browser.Element("#dim--creativity .effective").Text);
        Assert.Equal("0.95", browser.Element("#dim--creativity .requested").Text);
        Assert.False(browser.Element("#dim--tone .requested").Displayed); // granted as asked: nothing to point out
        browser.SaveScreenshot("settings-eu-minor-saved.png");

        // What was stored is what the user asked for (0.95), under their own id.
        var stored = await server.StoredAsync("mia");
        Assert.NotNull(stored);
        var document = JsonNode.Parse(stored.Json)!;
        Assert.Equal("Neutral", (string?)document["tone"]);
        Assert.Equal(0.95, (double)document["creativity"]!);
    }

    [Fact]
    public async Task Keyboard_alone_changes_a_setting_saves_it_and_hears_the_result()
    {
        await server.ResetAsync("mia");
        using var browser = new BrowserSession(server);
        browser.SignIn("mia");
        browser.WaitForSettings();
        var keys = new OpenQA.Selenium.Interactions.Actions(browser.Driver);

        // Tab from the top of the page to the tone group (a radio group is one tab stop, at its checked value).
        TabTo(browser, e => e.GetAttribute("name") == "tone");
        Assert.Equal("Friendly", Label(browser, browser.Active));
        keys.SendKeys(Keys.ArrowDown).Perform(); // arrow keys move within the group: Friendly -> Playful
        Assert.Equal("Playful", Label(browser, browser.Active));
        Assert.True(browser.Active.Selected);

        // A checkbox toggles with the space bar: add History to the topics.
        TabTo(browser, e => e.GetAttribute("name") == "topics" && Label(browser, e) == "History");
        Assert.False(browser.Active.Selected);
        keys.SendKeys(Keys.Space).Perform();
        Assert.True(browser.Active.Selected);

        TabTo(browser, e => e.GetAttribute("id") == "save");
        keys.SendKeys(Keys.Enter).Perform();

        var outcome = browser.Until(d => d.FindElement(By.Id("outcome")) is { } o && o.Text.StartsWith("Saved", StringComparison.Ordinal) ? o : null, "the save to be announced");
        Assert.Equal("polite", outcome.GetAttribute("aria-live"));
        Assert.Equal("save", browser.Active.GetAttribute("id")); // focus stays where the user left it
        var effective = Effective(outcome);
        Assert.Equal("Playful", effective["Tone"]);
        Assert.Equal("Science, History", effective["Topics"]);
        var stored = JsonNode.Parse((await server.StoredAsync("mia"))!.Json)!;
        Assert.Equal("Playful", (string?)stored["tone"]);
        Assert.Equal(new[] { "Science", "History" }, stored["topics"]!.AsArray().Select(t => (string?)t));
    }

    [Fact]
    public void An_anonymous_visitor_sees_the_defaults_read_only_and_is_asked_to_sign_in()
    {
        using var browser = new BrowserSession(server);
        browser.OpenSettings();

        Assert.True(browser.Element("#signin-note").Displayed);
        Assert.Contains("Sign in to save", browser.Element("#signin-note").Text, StringComparison.Ordinal);
        Assert.NotNull(browser.Element("#save").GetAttribute("disabled"));
        var maturity = browser.Element("#dim--maturity");
        Assert.NotNull(maturity.GetAttribute("disabled"));
        // With no jurisdiction and no facts known, every law's bound applies, and the page still says which.
        Assert.Contains("Not available:", browser.Option("maturity", "Mature").Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_save_over_a_newer_save_elsewhere_is_refused_and_says_to_reload()
    {
        await server.ResetAsync("mia");
        using var browser = new BrowserSession(server);
        browser.SignIn("mia");
        browser.WaitForSettings();

        // Another tab saves first.
        using (var elsewhere = browser.ClientWithSessionCookie())
        {
            using var put = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Put, "policy/preferences")
            {
                Content = new System.Net.Http.StringContent("""{"tone":"Neutral"}""", System.Text.Encoding.UTF8, "application/json"),
            };
            using var saved = await elsewhere.SendAsync(put);
            Assert.Equal(System.Net.HttpStatusCode.OK, saved.StatusCode);
        }

        browser.Option("tone", "Playful").FindElement(By.TagName("input")).Click();
        browser.Element("#save").Click();
        var outcome = browser.Until(d => d.FindElement(By.Id("outcome")) is { } o && o.Text.StartsWith("Not saved", StringComparison.Ordinal) ? o : null, "the conflict to be reported");
        Assert.Contains("changed elsewhere", outcome.Text, StringComparison.Ordinal);
        Assert.Contains("Reload", outcome.Text, StringComparison.Ordinal);
        Assert.Equal("Neutral", (string?)JsonNode.Parse((await server.StoredAsync("mia"))!.Json)!["tone"]);
    }

    [Fact]
    public async Task A_value_the_reader_refuses_is_reported_with_its_path_and_nothing_is_stored()
    {
        await server.ResetAsync("mia");
        using var browser = new BrowserSession(server);
        browser.SignIn("mia");
        browser.WaitForSettings();

        var memory = browser.Element("#dim--memoryDays input[type=number]");
        memory.Clear();
        memory.SendKeys("1.5"); // no integer: outside the dimension's domain, so the document does not read
        browser.Element("#save").Click();

        var outcome = browser.Until(d => d.FindElement(By.Id("outcome")) is { } o && o.Text.StartsWith("Not saved", StringComparison.Ordinal) ? o : null, "the problem to be reported");
        Assert.Contains("$.memoryDays", outcome.Text, StringComparison.Ordinal);
        Assert.Equal("true", browser.Element("#dim--memoryDays").GetAttribute("aria-invalid"));
        Assert.Null(await server.StoredAsync("mia"));
    }

    private static void TabTo(BrowserSession browser, Func<IWebElement, bool> target)
    {
        var keys = new OpenQA.Selenium.Interactions.Actions(browser.Driver);
        for (var presses = 0; presses < 200; presses++)
        {
            keys.SendKeys(Keys.Tab).Perform();
            if (target(browser.Active))
            {
                return;
            }
        }

        throw new InvalidOperationException("Tab never reached the control; last focused: " + browser.Active.GetAttribute("outerHTML"));
    }

    // The effective values the outcome lists: each setting's title and its value.
    private static System.Collections.Generic.Dictionary<string, string> Effective(IWebElement outcome)
    {
        var list = outcome.FindElement(By.CssSelector("dl.effective-values"));
        var terms = list.FindElements(By.TagName("dt")).Select(e => e.Text).ToList();
        var values = list.FindElements(By.TagName("dd")).Select(e => e.Text).ToList();
        Assert.Equal(terms.Count, values.Count);
        return terms.Zip(values).ToDictionary(p => p.First, p => p.Second);
    }

    private static string Label(BrowserSession browser, IWebElement input) =>
        browser.Driver.FindElement(By.CssSelector($"label[for='{input.GetAttribute("id")}']")).Text;
}
