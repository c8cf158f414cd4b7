using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

/// <summary>
/// Two policies built in turn in one process (1,000 and 2,000 dimensions, say), the order swapped every round, so that
/// a machine whose speed drifts from one minute to the next moves both alike. The growth from the first to the second
/// is then the ratio of their medians over the same stretch of time, beside the median of each round's own ratio:
/// a ratio against a baseline measured in the same run, where building each size in its own process minutes apart
/// let the drift into the ratio.
/// </summary>
internal static class Interleaved
{
    /// <param name="prebound">Whether the compiler binds each policy's tier attributes before the generator runs, timed
    /// apart (<see cref="BuildRuns.BindTierAttributes"/>): the growth of the compiler's binding and of the rest.</param>
    public static void Print(IReadOnlyList<(string Name, CSharpCompilation Compilation, IReadOnlyList<string> Tiers)> policies, CSharpParseOptions parse, int warm, int runs, bool prebound = false)
    {
        if (policies.Count != 2)
        {
            throw new ArgumentException("--interleave takes two policy folders");
        }

        var totals = new[] { new List<double>(), new List<double>() };
        var cpu = new[] { new List<double>(), new List<double>() };
        var pauses = new[] { new List<double>(), new List<double>() };
        var collections = new[] { new List<double>(), new List<double>() };
        var generatorCpu = new[] { new List<double>(), new List<double>() };
        var analyserCpu = new[] { new List<double>(), new List<double>() };
        var binding = new[] { new List<double>(), new List<double>() };
        var bindingPauses = new[] { new List<double>(), new List<double>() };
        var wholeCollections = new[] { new List<double>(), new List<double>() };
        var faults = new[] { new List<double>(), new List<double>() };
        for (var round = 0; round < warm + runs; round++)
        {
            foreach (var p in round % 2 == 0 ? new[] { 0, 1 } : [1, 0])
            {
                var run = BuildRuns.Measure(policies[p].Compilation, parse, warm: 0, runs: 1, whole: false, unshared: false, (_, _) => { }, prebound ? policies[p].Tiers : null).Single();
                if (round >= warm)
                {
                    totals[p].Add(run.Total);
                    cpu[p].Add(run.Cost.ThreadCpu);
                    pauses[p].Add(run.Cost.GcPause);
                    collections[p].Add(run.Cost.Gen0);
                    generatorCpu[p].Add(run.GeneratorCost.ThreadCpu);
                    analyserCpu[p].Add(run.AnalyserCost.ThreadCpu);
                    binding[p].Add(run.BindingCost.Wall);
                    bindingPauses[p].Add(run.BindingCost.GcPause);
                    // The whole build's collections: the compiler's parse of the generated code (untimed) sits between the two
                    // timed phases, and a collection the build's allocation brings may fall in it or in them.
                    wholeCollections[p].Add((run.BindingCost + run.Cost + run.ParseCost).Gen0);
                    faults[p].Add(run.Cost.PageFaults);
                }
            }
        }

        Console.WriteLine($"  interleaved, {runs} rounds after {warm} warm ({policies[0].Name}, {policies[1].Name} in turn, the order swapped each round)"
            + (prebound ? "; the compiler binds every tier attribute first, timed apart" : ""));
        for (var p = 0; p < 2; p++)
        {
            Console.WriteLine($"  {policies[p].Name,-34} generator + analyser median {BuildRuns.Median(totals[p]),8:0.0} ms, thread CPU {BuildRuns.Median(cpu[p]),8:0.0} ms, GC pauses {BuildRuns.Median(pauses[p]),6:0.0} ms in {BuildRuns.Median(collections[p]):0} collections "
                + $"(the whole build, the compiler's parse of the generated code too: {BuildRuns.Median(wholeCollections[p]):0}); thread CPU generator {BuildRuns.Median(generatorCpu[p]),6:0.0}, analyser {BuildRuns.Median(analyserCpu[p]),6:0.0} ms; {BuildRuns.Median(faults[p]):0} page faults");
        }

        if (prebound)
        {
            for (var p = 0; p < 2; p++)
            {
                Console.WriteLine($"  {policies[p].Name,-34} the compiler's binding, median {BuildRuns.Median(binding[p]),8:0.0} ms (GC pauses {BuildRuns.Median(bindingPauses[p]),6:0.0} ms); with the rest {BuildRuns.Median(binding[p].Zip(totals[p], (b, t) => b + t)),8:0.0} ms");
            }

            Console.WriteLine($"  growth of the compiler's binding     x{BuildRuns.Median(binding[1]) / BuildRuns.Median(binding[0]):0.00}");
            Console.WriteLine($"  growth of the binding and the rest   x{BuildRuns.Median(binding[1].Zip(totals[1], (b, t) => b + t)) / BuildRuns.Median(binding[0].Zip(totals[0], (b, t) => b + t)):0.00}");
        }

        var pairs = totals[0].Zip(totals[1], (a, b) => b / a).ToList();
        Console.WriteLine($"  growth, ratio of the medians        x{BuildRuns.Median(totals[1]) / BuildRuns.Median(totals[0]):0.00} (thread CPU x{BuildRuns.Median(cpu[1]) / BuildRuns.Median(cpu[0]):0.00})");
        Console.WriteLine($"  growth, median of the rounds' ratios x{BuildRuns.Median(pairs):0.00} (rounds: {string.Join(", ", pairs.Select(r => r.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))})");
    }
}
