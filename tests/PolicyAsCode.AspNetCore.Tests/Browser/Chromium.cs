using System;
using System.IO;
using System.Linq;
using OpenQA.Selenium.Chrome;

namespace PolicyAsCode.AspNetCore.Tests.Browser;

/// <summary>
/// Debian's Chromium and chromedriver, driven headless by Selenium, installed with apt-get when missing and the tests
/// run as root. Missing either otherwise is a failure that says how to install them, never a skipped test: the browser
/// tests are the proof the settings page works.
/// </summary>
internal static class Chromium
{
    public const string Install = "apt-get update && apt-get install -y chromium chromium-driver";

    private static readonly Lazy<bool> Installed = new(InstallAsRoot);

    public static ChromeDriver Start()
    {
        _ = Installed.Value;
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

    // As root on Debian (a fresh CI machine), `dotnet test` installs what it needs, as .ci/run would; otherwise the
    // tests fail below with the command to run.
    private static bool InstallAsRoot()
    {
        if (Find("chromium", "/usr/bin/chromium") is not null && Find("chromedriver", "/usr/bin/chromedriver") is not null)
        {
            return true;
        }

        if (Environment.UserName != "root" || !File.Exists("/usr/bin/apt-get"))
        {
            return false;
        }

        using var install = System.Diagnostics.Process.Start("bash", ["-c", Install + " >/dev/null 2>&1"]);
        install.WaitForExit();
        return install.ExitCode == 0;
    }

    private static string? Find(string command, params string[] known)
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, command));
        return onPath.Concat(known).FirstOrDefault(File.Exists);
    }
}
