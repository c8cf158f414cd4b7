using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;

namespace PolicyAsCode.Distribution.Tests.Infrastructure;

/// <summary>The result of one <c>dotnet</c> command: its exit code, its interleaved output and how long it took.</summary>
/// <remarks><see cref="CpuTime"/> is the processor time (user + system) of the command and every process it started, where the
/// platform can say (Linux); unlike <see cref="Elapsed"/> it hardly depends on what else the machine is doing.</remarks>
public sealed record CommandResult(string CommandLine, string WorkingDirectory, int ExitCode, string Output, TimeSpan Elapsed, bool TimedOut, TimeSpan? CpuTime)
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
        var cpuBefore = ChildrenCpuTime();
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
        var cpuAfter = ChildrenCpuTime();

        string text;
        lock (output)
        {
            text = output.ToString();
        }

        var cpu = cpuBefore is { } b && cpuAfter is { } a ? a - b : (TimeSpan?)null;
        return new CommandResult(commandLine, workingDirectory, exited ? process.ExitCode : -1, text, stopwatch.Elapsed, !exited, cpu);
    }

    /// <summary>
    /// The processor time of this process's terminated and reaped children and their descendants (getrusage RUSAGE_CHILDREN),
    /// or null off Linux. The commands of one test collection run one at a time, so the difference around a command is its own.
    /// </summary>
    private static TimeSpan? ChildrenCpuTime()
    {
        if (!OperatingSystem.IsLinux() || !Environment.Is64BitProcess)
        {
            return null;
        }

        try
        {
            // struct rusage on 64-bit Linux: ru_utime {tv_sec, tv_usec}, ru_stime {tv_sec, tv_usec}, then 14 longs.
            var usage = new long[18];
            if (NativeMethods.getrusage(NativeMethods.RusageChildren, usage) != 0)
            {
                return null;
            }

            var microseconds = (usage[0] * 1_000_000) + usage[1] + (usage[2] * 1_000_000) + usage[3];
            return TimeSpan.FromTicks(microseconds * 10);
        }
        catch (DllNotFoundException)
        {
            return null;
        }
        catch (EntryPointNotFoundException)
        {
            return null;
        }
    }

    private static class NativeMethods
    {
        public const int RusageChildren = -1;

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int getrusage(int who, [Out] long[] usage);
    }
}
