using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PolicyAsCode.Benchmarks.HandWritten;
using PolicyAsCode.Benchmarks.Large;
using QuickStart.Policies;

namespace PolicyAsCode.Benchmarks.Workload;

/// <summary>The outcome of an agreement run: how many cases and decisions were compared, and the first disagreements.</summary>
public sealed record AgreementReport(string Name, int Cases, int Decisions, IReadOnlyList<string> Mismatches)
{
    /// <summary>Whether every case agreed.</summary>
    public bool Agrees => Mismatches.Count == 0;

    /// <inheritdoc/>
    public override string ToString() => Agrees
        ? $"{Name}: {Cases} requests and {Decisions} decisions agree"
        : $"{Name}: {Mismatches.Count} of {Cases} requests disagree; first: {Mismatches[0]}";
}

/// <summary>
/// Before anything is timed, the evaluators being compared must give the same answers: the hand-written QuickStart
/// evaluator against the generated one (the same records, adjustments, hazards and refusals, and the request itself
/// returned when nothing moved), and each generated evaluator against the reference interpreter on its registry.
/// </summary>
public static class Agreement
{
    private const int MaxReported = 5;

    /// <summary>Runs every agreement check on <paramref name="count"/> random requests per policy.</summary>
    public static IReadOnlyList<AgreementReport> All(int count, int seed = 20250101) =>
    [
        HandWrittenAgainstGenerated(count, seed),
        GeneratedAgainstInterpreter<LearnerPreferences>("QuickStart generated vs interpreter", count, seed),
        GeneratedAgainstInterpreter<Ten.TenPreferences>("Ten generated vs interpreter", count, seed + 2),
        GeneratedAgainstInterpreter<LargePreferences>("Large generated vs interpreter", count, seed + 1),
    ];

    /// <summary>The hand-written QuickStart evaluator against the generated one.</summary>
    public static AgreementReport HandWrittenAgainstGenerated(int count, int seed)
    {
        var mismatches = new List<string>();
        var decisions = 0;
        foreach (var c in RandomCases.For<LearnerPreferences>(count, seed))
        {
            var problems = new List<string>();
            var generated = LearnerPreferences.Resolve(c.Requested!, c.Context, c.Unreadable);
            var hand = QuickStartHandWritten.Resolve(c.Requested!, c.Context, c.Unreadable);
            if (!Equals(generated.Effective, hand.Effective))
            {
                problems.Add($"effective: generated {generated.Effective}, hand-written {hand.Effective}");
            }

            if (ReferenceEquals(generated.Effective, c.Requested) != ReferenceEquals(hand.Effective, c.Requested))
            {
                problems.Add("only one of them returned the request itself");
            }

            CompareResolutions(problems, generated.AdjustedDimensions, hand.AdjustedDimensions, generated.Adjustments, hand.Adjustments, generated.Forbidden, hand.Forbidden,
                generated.ActiveForbids, hand.ActiveForbids, generated.Jurisdiction, hand.Jurisdiction, generated.IsAdjusted, hand.IsAdjusted);
            foreach (var detected in c.Detected)
            {
                decisions += 2;
                CompareDecisions(problems, "decision on " + Hex(detected), LearnerPreferences.Decide(generated, detected), QuickStartHandWritten.Decide(hand, detected));
                CompareDecisions(problems, "unresolved decision on " + Hex(detected), LearnerPreferences.Decide(default, detected), QuickStartHandWritten.Decide(default, detected));
            }

            Report(mismatches, c, problems);
        }

        return new AgreementReport("QuickStart hand-written vs generated", count, decisions, mismatches);
    }

    /// <summary>A generated evaluator against <see cref="PolicyInterpreter"/> on its registry.</summary>
    public static AgreementReport GeneratedAgainstInterpreter<T>(string name, int count, int seed)
        where T : class, IUserTierPolicy<T>
    {
        var interpreter = new PolicyInterpreter(T.Registry);
        var mismatches = new List<string>();
        var decisions = 0;
        foreach (var c in RandomCases.For<T>(count, seed))
        {
            var problems = new List<string>();
            var generated = T.Resolve(c.Requested!, c.Context, c.Unreadable);
            var encoded = c.Requested is null ? [] : T.Encode(c.Requested);
            var reference = interpreter.Resolve(encoded, c.Context, c.Unreadable);
            var effective = generated.Effective is null ? null : T.Encode(generated.Effective);
            if (effective is null || !effective.AsSpan().SequenceEqual(reference.Effective))
            {
                problems.Add("effective values differ");
            }

            CompareResolutions(problems, generated.AdjustedDimensions, reference.AdjustedDimensions, generated.Adjustments, reference.Adjustments, generated.Forbidden, reference.Forbidden,
                generated.ActiveForbids, reference.ActiveForbids, generated.Jurisdiction, reference.Jurisdiction, generated.IsAdjusted, reference.IsAdjusted);
            foreach (var detected in c.Detected)
            {
                decisions++;
                CompareDecisions(problems, "decision on " + Hex(detected), T.Decide(generated, detected), interpreter.Decide(reference, detected));
            }

            Report(mismatches, c, problems);
        }

        return new AgreementReport(name, count, decisions, mismatches);
    }

    private static void CompareResolutions(
        List<string> problems, AdjustedDimensions movedA, AdjustedDimensions movedB, IReadOnlyList<Adjustment> a, IReadOnlyList<Adjustment> b,
        Hazard forbiddenA, Hazard forbiddenB, ulong activeA, ulong activeB, int jurisdictionA, int jurisdictionB, bool adjustedA, bool adjustedB)
    {
        if (movedA != movedB)
        {
            problems.Add($"adjusted dimensions: {movedA} vs {movedB}");
        }

        if (!a.SequenceEqual(b))
        {
            problems.Add("adjustments: [" + string.Join("; ", a) + "] vs [" + string.Join("; ", b) + "]");
        }

        if (forbiddenA != forbiddenB)
        {
            problems.Add($"forbidden {Hex(forbiddenA)} vs {Hex(forbiddenB)}");
        }

        if (activeA != activeB)
        {
            problems.Add($"active rules 0x{activeA:X} vs 0x{activeB:X}");
        }

        if (jurisdictionA != jurisdictionB)
        {
            problems.Add($"jurisdiction {jurisdictionA} vs {jurisdictionB}");
        }

        if (adjustedA != adjustedB)
        {
            problems.Add($"IsAdjusted {adjustedA} vs {adjustedB}");
        }
    }

    private static void CompareDecisions(List<string> problems, string what, Decision a, Decision b)
    {
        if (a.Verdict != b.Verdict || a.Cause != b.Cause || a.Hazards != b.Hazards || !Equals(a.Rule, b.Rule) || !Equals(a.Tier, b.Tier))
        {
            problems.Add($"{what}: {a.Explain()} vs {b.Explain()}");
        }
    }

    private static void Report<T>(List<string> mismatches, Case<T> c, List<string> problems)
        where T : class
    {
        if (problems.Count > 0 && mismatches.Count < MaxReported)
        {
            mismatches.Add($"{c.Context} requested {c.Requested?.ToString() ?? "null"}: {string.Join(" | ", problems)}");
        }
        else if (problems.Count > 0)
        {
            mismatches.Add("…");
        }
    }

    private static string Hex(Hazard hazard) => "0x" + ((ulong)hazard).ToString("X", CultureInfo.InvariantCulture);
}
