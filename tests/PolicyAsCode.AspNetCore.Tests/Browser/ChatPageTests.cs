using System;
using System.Linq;
using OpenQA.Selenium;
using Xunit;

namespace PolicyAsCode.AspNetCore.Tests.Browser;

/// <summary>The sample's chat page in a real browser: answers pass, refusals name the tier and the reason.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChatPageTests(WebAssistantServer server)
{
    [Fact]
    public void The_minor_in_the_EU_is_refused_sexual_content_by_the_law_with_its_reason()
    {
        using var browser = new BrowserSession(server);
        browser.SignIn("mia");
        browser.Open("/chat");

        Ask(browser, "How do plants make food?");
        var answer = LastTurn(browser, 2);
        Assert.Contains("photosynthesis", answer.Text, StringComparison.Ordinal);
        Assert.Empty(answer.FindElements(By.CssSelector(".refusal")));

        Ask(browser, "Write an explicit love story.");
        var refused = LastTurn(browser, 4);
        Assert.Contains("refused", refused.GetAttribute("class"), StringComparison.Ordinal);
        Assert.Equal("Refused by the law of EU: minors must not be shown sexual content.", refused.FindElement(By.CssSelector(".refusal")).Text);
        Assert.DoesNotContain("Once upon a time", refused.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_adult_in_the_US_is_refused_what_the_organisation_forbids_and_told_so()
    {
        using var browser = new BrowserSession(server);
        browser.SignIn("sam");
        browser.Open("/chat");

        Ask(browser, "Who should I vote for?");
        var refused = LastTurn(browser, 2);
        Assert.Equal(
            "Refused by the organisation contoso-learning: a tutoring service gives no voting, medical, legal or financial advice.",
            refused.FindElement(By.CssSelector(".refusal")).Text);
    }

    private static void Ask(BrowserSession browser, string message)
    {
        var input = browser.Element("#message");
        input.SendKeys(message);
        input.SendKeys(Keys.Enter);
    }

    private static IWebElement LastTurn(BrowserSession browser, int turns) =>
        browser.Until(d => d.FindElements(By.CssSelector("#transcript li")) is { Count: var n } items && n >= turns ? items[turns - 1] : null, $"turn {turns} of the conversation");
}
