using System;
using System.Diagnostics;
using System.IO;

namespace PolicyAsCode.AspNetCore.Tests.Store;

/// <summary>
/// The PostgreSQL server the store tests use, one per test run: the one <c>POLICYASCODE_TEST_POSTGRES</c> names
/// (.ci/run starts one and sets it), else one this process starts with .ci/postgres.sh and stops when it exits,
/// installing Debian's package first when it is missing and the tests run as root. Otherwise, when PostgreSQL is not
/// installed, every PostgreSQL test fails with how to install it: the store must pass on both engines.
/// </summary>
internal static class PostgresServer
{
    public const string Variable = "POLICYASCODE_TEST_POSTGRES";
    private const int NotInstalled = 3; // .ci/postgres.sh's exit code when initdb is missing

    // A failure to start is remembered (Lazy caches the exception): every test reports it, none retries it.
    private static readonly Lazy<string> Admin = new(Start);

    /// <summary>An Npgsql connection string of a user who may create and drop databases.</summary>
    public static string AdminConnectionString => Admin.Value;

    private static string Start()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        var script = FindScript();
        var folder = Path.Combine(Path.GetTempPath(), "policyascode-pg-" + Guid.NewGuid().ToString("N")[..12]);
        // Given our process id, the script stops the server even if this process dies without running ProcessExit.
        var pid = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (exit, output, error) = Run(script, "start", folder, pid);

        // As root on Debian (a fresh CI machine), `dotnet test` installs what it needs, as .ci/run would.
        if (exit == NotInstalled && Environment.UserName == "root" && File.Exists("/usr/bin/apt-get"))
        {
            var install = Run(script, "install");
            (exit, output, error) = install.Exit == 0 ? Run(script, "start", folder, pid) : install;
        }

        if (exit == NotInstalled)
        {
            throw new InvalidOperationException(
                "The PostgreSQL store tests need PostgreSQL (13 or later), and it is not installed. Install Debian's package " +
                "(`apt-get install postgresql`, or `.ci/postgres.sh install` as root), or point " + Variable + " at an Npgsql " +
                "connection string of a server whose user may create databases. " + error.Trim());
        }

        if (exit != 0)
        {
            throw new InvalidOperationException($"{script} start {folder} failed (exit {exit}): {error.Trim()}");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => Run(script, "stop", folder);
        return output.Trim();
    }

    private static string FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var script = Path.Combine(dir.FullName, ".ci", "postgres.sh");
            if (File.Exists(script))
            {
                return script;
            }
        }

        throw new InvalidOperationException(
            $".ci/postgres.sh was not found above {AppContext.BaseDirectory}; set {Variable} to an Npgsql connection string of a server whose user may create databases.");
    }

    private static (int Exit, string Output, string Error) Run(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.GetAwaiter().GetResult());
    }
}
