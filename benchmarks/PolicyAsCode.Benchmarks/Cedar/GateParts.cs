using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using QuickStart.Policies;

namespace PolicyAsCode.Benchmarks.Cedar;

/// <summary>
/// Where the gate's time goes on the Cedar comparison's requests (<c>probe gate-parts</c>): the gate whole, its two
/// halves apart (the scope tested from the context; <c>Admits</c> and <c>Granted.Maturity</c> against scopes tested
/// beforehand), and loops that only read what the gate reads, with and without the jurisdiction's characters. The
/// requests are read back from JSON, as <c>cedar-time</c> holds them. Each loop is timed by <see cref="PassTimer"/>.
/// </summary>
public static class GateParts
{
    public static int Run()
    {
        var drawn = CedarComparison.Requests(10_000, 7);
        var json = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        var read = JsonSerializer.Deserialize<ContentRequest[]>(JsonSerializer.Serialize(drawn, json), json)!;
        var preferences = read.Select(r => r.Preferences).ToArray();
        var contexts = read.Select(r => r.Context).ToArray();
        var detected = read.Select(r => r.Detected).ToArray();
        var maturities = read.Select(r => r.ContentMaturity).ToArray();
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

        var parts = new (string Name, Func<int, int, int> Pass)[]
        {
            ("the gate (scope, Admits, Granted.Maturity)", Gate),
            ("Admits and Granted.Maturity, scopes tested before", AgainstScopes),
            ("the scope alone", Scopes),
            ("reading the inputs, the jurisdiction's length too", (f, t) => Reads(f, t, jurisdiction: true)),
            ("reading the inputs but not the jurisdiction", (f, t) => Reads(f, t, jurisdiction: false)),
        };
        foreach (var (name, pass) in parts)
        {
            var timing = PassTimer.Time(pass, preferences.Length, 101, 250, pass(0, preferences.Length));
            Console.WriteLine($"{name,-52} {timing.Median,6:0.0} ns per request (median)");
        }

        return 0;
    }
}
