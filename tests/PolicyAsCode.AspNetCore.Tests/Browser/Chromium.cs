using System;
using System.IO;
using System.Linq;
using OpenQA.Selenium.Chrome;

namespace PolicyAsCode.AspNetCore.Tests.Browser;

/// <summary>
/// Debian's Chromium and chromedriver, driven headless by Selenium. Missing either is a failure that says how to
/// install them, never a skipped test: the browser tests are the proof the settings page works.
/// </summary>
internal static class Chromium
{
    public const string Install = "apt-get update && apt-get install -y chromium chromium-driver";

    public static ChromeDriver Start()
    {
        var browser = Find("chromium", "/usr/bin/chromium", "/usr/lib/chromium/chromium")
            ?? throw new InvalidOperationException($"The browser tests need Chromium, which is not installed. Install it with: {Install} (.ci/run does this).");
        var driver = Find("chromedriver", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver")
            ?? throw new InvalidOperationException($"The browser tests need chromedriver, which is not installed. Install it with: {Install} (.ci/run does this).");

        // Everything named explicitly, so Selenium Manager never tries to download a browser or a driver.
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driver)!, Path.GetFileName(driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = browser };
        options.AddArguments(
            "--headless=new",
            "--no-sandbox", // the tests run as root in a container
            "--disable-dev-shm-usage",
            "--disable-gpu",
            "--no-first-run",
            "--disable-extensions",
            "--lang=en-GB",
            "--window-size=1280,1600");
        var chrome = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        chrome.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(60);
        return chrome;
    }

    private static string? Find(string command, params string[] known)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, command));
        return onPath.Concat(known).FirstOrDefault(File.Exists);
    }
}
