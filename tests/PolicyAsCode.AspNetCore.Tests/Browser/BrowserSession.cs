using System;
using System.Linq;
using System.Net.Http;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using Xunit;

namespace PolicyAsCode.AspNetCore.Tests.Browser;

/// <summary>One headless browser on the sample: signs in as a demo user, opens pages, waits for what they show.</summary>
internal sealed class BrowserSession : IDisposable
{
    // Long enough for a loaded machine; a wait that runs out fails with what the page showed instead.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly WebAssistantServer _server;

    public BrowserSession(WebAssistantServer server)
    {
        _server = server;
        Driver = Chromium.Start();
    }

    public ChromeDriver Driver { get; }

    public void Open(string path) => Driver.Navigate().GoToUrl(_server.At(path));

    /// <summary>Signs in through the sample's development sign-in page, as a person would.</summary>
    public void SignIn(string userId)
    {
        Open("/signin");
        Driver.FindElement(By.Id("signin-" + userId)).Click();
        Until(d => d.Url.EndsWith("/policy/settings", StringComparison.Ordinal), "the sign-in to land on the settings page");
    }

    /// <summary>Opens the settings page and waits until it has loaded (or fails with the page's own problem).</summary>
    public void OpenSettings()
    {
        Open("/policy/settings");
        WaitForSettings();
    }

    public void WaitForSettings()
    {
        Until(d => d.FindElement(By.Id("settings-form")).Displayed || d.FindElement(By.Id("load-problem")).Displayed, "the settings page to load");
        var problem = Driver.FindElement(By.Id("load-problem"));
        Assert.False(problem.Displayed, "The settings page could not load: " + problem.Text);
    }

    /// <summary>The user's session cookie, for requests a browser would not make (forged ones).</summary>
    public HttpClient ClientWithSessionCookie()
    {
        var cookie = Driver.Manage().Cookies.GetCookieNamed("webassistant")
            ?? throw new InvalidOperationException("Not signed in: no session cookie.");
        var client = new HttpClient { BaseAddress = _server.Address };
        client.DefaultRequestHeaders.Add("Cookie", cookie.Name + "=" + cookie.Value);
        return client;
    }

    /// <summary>Writes a PNG of the whole page to artifacts/screenshots/<paramref name="name"/> under the repository root; returns its path.</summary>
    public string SaveScreenshot(string name)
    {
        // A screenshot shows the window: make the window as tall as the page first.
        var height = Convert.ToInt32(Driver.ExecuteScript("return Math.ceil(document.documentElement.scrollHeight);"), System.Globalization.CultureInfo.InvariantCulture);
        Driver.Manage().Window.Size = new System.Drawing.Size(1280, Math.Clamp(height + 40, 600, 12000));
        var folder = System.IO.Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        System.IO.Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, name);
        Driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new System.IO.DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(folder.FullName, "PolicyAsCode.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("PolicyAsCode.sln not found above " + AppContext.BaseDirectory);
    }

    public IWebElement Element(string cssSelector) => Driver.FindElement(By.CssSelector(cssSelector));

    /// <summary>The option row of <paramref name="dimension"/> whose label reads <paramref name="label"/>.</summary>
    public IWebElement Option(string dimension, string label) =>
        Driver.FindElements(By.CssSelector($"#dim--{dimension} .option"))
            .FirstOrDefault(row => row.FindElement(By.TagName("label")).Text == label)
        ?? throw new InvalidOperationException($"No option {label} in {dimension}.");

    public IWebElement Active => Driver.SwitchTo().ActiveElement();

    public T Until<T>(Func<IWebDriver, T?> condition, string what)
        where T : class => Wait(what).Until(condition)!;

    public void Until(Func<IWebDriver, bool> condition, string what) => Wait(what).Until(condition);

    private WebDriverWait Wait(string what)
    {
        var wait = new WebDriverWait(Driver, Patience) { Message = "Waited for " + what };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        return wait;
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
    }
}
