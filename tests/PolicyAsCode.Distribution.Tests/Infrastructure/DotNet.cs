using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;

namespace PolicyAsCode.Distribution.Tests.Infrastructure;

/// <summary>The result of one <c>dotnet</c> command: its exit code, its interleaved output and how long it took.</summary>
public sealed record CommandResult(string CommandLine, string WorkingDirectory, int ExitCode, string Output, TimeSpan Elapsed, bool TimedOut)
{
    /// <summary>Whether the command exited 0 within its time limit.</summary>
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>The command, its outcome and the last lines of its output, for a failure message.</summary>
    public string Describe(int tailLines = 60)
    {
        var lines = Output.Split('\n');
        var tail = string.Join('\n', lines.Skip(Math.Max(0, lines.Length - tailLines)));
        var outcome = TimedOut ? "timed out" : $"exited {ExitCode}";
        return $"`{CommandLine}` in {WorkingDirectory} {outcome} after {Elapsed.TotalSeconds:F1} s:\n{tail}";
    }
}

/// <summary>
/// Runs the <c>dotnet</c> CLI as a user would, with an environment of its own: no MSBuild node reuse, no MSBuild or
/// compiler server (no process outlives its command), no telemetry, none of the MSBuild variables of the
/// <c>dotnet test</c> run hosting these tests, plus whatever a test adds (such as NUGET_PACKAGES).
/// </summary>
public static class DotNet
{
    private static readonly string[] InheritedMsBuildVariables =
    [
        "MSBuildExtensionsPath", "MSBUILD_EXE_PATH", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly",
        "MSBUILDNOINPROCNODE", "_MSBUILDTLENABLED", "VSTEST_HOST_DEBUG", "VSTEST_RUNNER_DEBUG",
    ];

    /// <summary>The dotnet executable: the one running these tests when the SDK says so, else the first on PATH.</summary>
    public static string Executable { get; } =
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="workingDirectory"/>, killing it after <paramref name="timeout"/>.</summary>
    public static CommandResult Run(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in InheritedMsBuildVariables)
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["UseSharedCompilation"] = "false";
        start.Environment["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "true";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        void Append(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.Append(e.Data).Append('\n');
                }
            }
        }

        var commandLine = "dotnet " + string.Join(' ', arguments.Select(a => a.Contains(' ') ? $"\"{a}\"" : a));
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += Append;
        process.ErrorDataReceived += Append;
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExit(timeout);
        if (!exited)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited after all.
            }
        }

        // Drain the output (WaitForExitAsync also waits for the redirected streams to close). No server outlives the
        // command, so nothing else holds the pipes open; even so, never wait for them for ever.
        using (var drain = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            try
            {
                process.WaitForExitAsync(drain.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                // Keep what was read.
            }
        }

        stopwatch.Stop();

        string text;
        lock (output)
        {
            text = output.ToString();
        }

        return new CommandResult(commandLine, workingDirectory, exited ? process.ExitCode : -1, text, stopwatch.Elapsed, !exited);
    }
}
