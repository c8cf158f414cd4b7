using System;
using System.Diagnostics;
using System.Linq;
using System.Runtime.CompilerServices;
using QuickStart.Policies;

namespace PolicyAsCode.Benchmarks.Cedar;

/// <summary>
/// Where the gate's time goes on the Cedar comparison's requests (<c>probe gate-parts</c>): the gate whole, its two
/// halves apart (the scope tested from the context; <c>Admits</c> and <c>Granted.Maturity</c> against scopes tested
/// beforehand), and loops that only read what the gate reads, with and without the jurisdiction's characters. The
/// requests are read back from JSON and then dropped, as <c>cedar-time</c> holds them. Each part is timed by
/// <see cref="PassTimer"/> in a process of its own, as <c>run.sh</c> times each way: in one process only the first part
/// timed would have its loop inlined into the timer's round (docs/performance.md, "Eighth session" under Cedar).
/// </summary>
public static class GateParts
{
    /// <summary>The parts, by the name a child process is given.</summary>
    public static readonly string[] Parts = ["gate", "against-scopes", "scope", "reads", "reads-without-jurisdiction"];

    // The inputs, built in a frame of their own, so that the requests as read from JSON are unreachable while the parts
    // are timed, as in cedar-time (LoadedRequests).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (LearnerPreferences[] Preferences, PolicyContext[] Contexts, Hazard[] Detected, int[] Maturities) Inputs()
    {
        var read = CedarComparison.ReadBack(CedarComparison.Requests(10_000, 7));
        return ([.. read.Select(r => r.Preferences)], [.. read.Select(r => r.Context)], [.. read.Select(r => r.Detected)], [.. read.Select(r => r.ContentMaturity)]);
    }

    /// <summary>Times <paramref name="part"/> (one of <see cref="Parts"/>) here, or, when it is null, every part in a child process of its own.</summary>
    public static int Run(string? part)
    {
        if (part is null)
        {
            foreach (var name in Parts)
            {
                using var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, ["probe", "gate-parts", name]) { UseShellExecute = false })!;
                child.WaitForExit();
                if (child.ExitCode != 0)
                {
                    Console.Error.WriteLine($"gate-parts {name}: the child process exited with code {child.ExitCode}");
                    return child.ExitCode;
                }
            }

            return 0;
        }

        var (preferences, contexts, detected, maturities) = Inputs();
        var scopes = contexts.Select(c => new LearnerPreferences.PolicyScope(in c)).ToArray();

        int Gate(int from, int to)
        {
            var allowed = 0;
            for (var i = from; i < to; i++)
            {
                allowed += Unsafe.BitCast<bool, byte>(CedarComparison.DecideByGate(preferences[i], in contexts[i], detected[i], maturities[i]));
            }

            return allowed;
        }

        int AgainstScopes(int from, int to)
        {
            var allowed = 0;
            for (var i = from; i < to; i++)
            {
                allowed += Unsafe.BitCast<bool, byte>(LearnerPreferences.Admits(preferences[i], in scopes[i], detected[i]) & maturities[i] <= (int)LearnerPreferences.Granted.Maturity(preferences[i], in scopes[i]));
            }

            return allowed;
        }

        int Scopes(int from, int to)
        {
            var sum = 0;
            for (var i = from; i < to; i++)
            {
                var scope = new LearnerPreferences.PolicyScope(in contexts[i]);
                sum += scope.Jurisdiction + Unsafe.BitCast<bool, byte>(scope.WhenMinor);
            }

            return sum;
        }

        int Reads(int from, int to, bool jurisdiction)
        {
            var sum = 0;
            for (var i = from; i < to; i++)
            {
                var p = preferences[i];
                sum += (int)p.Maturity + (int)(ulong)p.AvoidHazards + (int)(ulong)contexts[i].Facts + (int)(ulong)detected[i] + maturities[i];
                sum += jurisdiction ? contexts[i].Jurisdiction?.Length ?? 0 : 0;
            }

            return sum;
        }

        var parts = new (string Name, string Title, Func<int, int, int> Pass)[]
        {
            ("gate", "the gate (scope, Admits, Granted.Maturity)", Gate),
            ("against-scopes", "Admits and Granted.Maturity, scopes tested before", AgainstScopes),
            ("scope", "the scope alone", Scopes),
            ("reads", "reading the inputs, the jurisdiction's length too", (f, t) => Reads(f, t, jurisdiction: true)),
            ("reads-without-jurisdiction", "reading the inputs but not the jurisdiction", (f, t) => Reads(f, t, jurisdiction: false)),
        };
        if (parts.FirstOrDefault(p => p.Name == part) is not { Pass: not null } chosen)
        {
            Console.Error.WriteLine($"unknown part '{part}': expected one of {string.Join(", ", Parts)}");
            return 2;
        }

        var timing = PassTimer.Time(chosen.Pass, preferences.Length, 101, 250, chosen.Pass(0, preferences.Length));
        Console.WriteLine($"{chosen.Title,-52} {timing.Median,6:0.0} ns per request (median)");
        return 0;
    }
}
