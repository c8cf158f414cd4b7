using System;
using OpenQA.Selenium;
using Xunit;

namespace PolicyAsCode.AspNetCore.Tests.Browser;

/// <summary>The sample with WebAssistant:SignInRequired: MapPolicy's group requires a signed-in user.</summary>
public sealed class SignInRequiredServer() : WebAssistantServer(signInRequired: true);

/// <summary>
/// The settings page where the app keeps the policy's documents for signed-in users (RequireAuthorization on the
/// group, as docs/aspnetcore.md suggests): a visitor is asked to sign in, not shown a failure.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SettingsSignInRequiredTests(SignInRequiredServer server) : IClassFixture<SignInRequiredServer>
{
    [Fact]
    public void A_visitor_is_asked_to_sign_in_and_after_signing_in_sees_their_settings()
    {
        using var browser = new BrowserSession(server);
        browser.Open("/policy/settings");

        var note = browser.Until(d => d.FindElement(By.Id("signin-required")) is { Displayed: true } n ? n : null, "the page to ask for a sign-in");
        Assert.StartsWith("Sign in to see your settings.", note.Text, StringComparison.Ordinal);
        Assert.Equal("status", note.GetAttribute("role"));
        Assert.False(browser.Element("#load-problem").Displayed);
        Assert.False(browser.Element("#settings-form").Displayed);
        Assert.False(browser.Element("#loading").Displayed);

        browser.SignIn("mia");
        browser.WaitForSettings();
        Assert.False(browser.Element("#signin-required").Displayed);
        Assert.False(browser.Option("maturity", "Mature").FindElement(By.TagName("input")).Enabled);
        Assert.Null(browser.Element("#save").GetAttribute("disabled"));
    }
}
