using System;
using System.IO;
using System.Linq;
using OpenQA.Selenium;
using PolicyAsCode.AspNetCore.Tests.Browser;
using Xunit;

namespace PolicyAsCode.Tool.Tests.Report;

/// <summary>
/// The HTML <c>pac report</c> writes, opened from disk in headless Chromium (Debian's, as the settings page's browser
/// tests start it): it renders with its charts, runs no script, loads nothing, and a screenshot of it is written to
/// artifacts/screenshots/pac-report.png for a reviewer to look at.
/// </summary>
[Collection(PolicyAssembliesCollection.Name)]
public sealed class ReportBrowserTests(PolicyAssemblies policies, AssistantRecords assistant) : IClassFixture<AssistantRecords>
{
    [Fact]
    public void The_report_opens_in_headless_chromium_and_a_screenshot_is_written()
    {
        var records = new ReportRecords(assistant);
        var page = Path.Combine(assistant.Folder, "pac-report.html");
        var run = PacRun.Of("report", policies.QuickStart, records.Path, "--threshold", "2", "--output", page);
        Assert.True(run.ExitCode == 0, run.ToString());

        using var chrome = Chromium.Start();
        chrome.Navigate().GoToUrl(new Uri(page).AbsoluteUri);

        Assert.Equal("Personalisation report: QuickStart.Policies.LearnerPreferences", chrome.Title);
        var script = (IJavaScriptExecutor)chrome;
        Assert.Equal(0L, script.ExecuteScript("return document.scripts.length;"));

        // Every chart is drawn: an SVG with bars (rects) and text, laid out with a real size.
        var charts = chrome.FindElements(By.CssSelector("figure > svg"));
        Assert.True(charts.Count >= 5, $"{charts.Count} charts");
        Assert.All(charts, svg =>
        {
            Assert.True(svg.Size.Width > 300 && svg.Size.Height > 100, $"chart of {svg.Size}");
            Assert.NotEmpty(svg.FindElements(By.TagName("rect")));
            Assert.NotEmpty(svg.FindElements(By.TagName("text")));
        });
        Assert.Contains("requested", charts[0].Text, StringComparison.Ordinal);

        // Strings from the records are shown as text, not run as markup: the version reads as written.
        var body = chrome.FindElement(By.TagName("body")).Text;
        Assert.Contains("<script>alert(1)</script>\\u001b[2J (1 record)", body, StringComparison.Ordinal);
        Assert.Contains("\"kind\" is \"<i onclick=alert(3)>kind</i>\"", body, StringComparison.Ordinal);
        Assert.Empty(chrome.FindElements(By.CssSelector("img, i, iframe, object, embed, link, script")));

        // Nothing was fetched: the only resource of the page is the page.
        var resources = script.ExecuteScript("return performance.getEntriesByType('resource').map(e => e.name).join(' ');") as string;
        Assert.Equal(string.Empty, resources);

        var png = Screenshot(chrome, script, "pac-report.png");
        var bytes = File.ReadAllBytes(png);
        Assert.True(bytes.Length > 20_000, $"{png} is {bytes.Length} bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
    }

    // The whole page: the window is made as tall as the page first, as the settings page's screenshots are.
    private static string Screenshot(OpenQA.Selenium.Chrome.ChromeDriver chrome, IJavaScriptExecutor script, string name)
    {
        var height = Convert.ToInt32(script.ExecuteScript("return Math.ceil(document.documentElement.scrollHeight);"), System.Globalization.CultureInfo.InvariantCulture);
        chrome.Manage().Window.Size = new System.Drawing.Size(1280, Math.Clamp(height + 40, 600, 16000));
        var folder = Path.Combine(PolicyAssemblies.RepoRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        chrome.GetScreenshot().SaveAsFile(path);
        return path;
    }
}
