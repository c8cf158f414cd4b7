using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;
using PolicyAsCode.Benchmarks.Benchmarks;
using PolicyAsCode.Benchmarks.Service;

namespace PolicyAsCode.Benchmarks;

/// <summary>The benchmark classes and the two ways of running them: measured, or quick (proves they run, times nothing).</summary>
public static class Suite
{
    /// <summary>Every benchmark class.</summary>
    public static readonly Type[] Benchmarks = [typeof(QuickStartResolve), typeof(QuickStartDecide), typeof(QuickStartAdmit), typeof(QuickStartOverlaidResolve), typeof(QuickStartOverlaidDecide), typeof(WideOverlaidResolve), typeof(TenResolve), typeof(LargeResolve), typeof(LargeDecide), typeof(PreferencesJsonRead), typeof(PreferencesJsonHostile), typeof(ServiceCost), typeof(ServiceCostConcurrent)];

    /// <summary>
    /// The configuration: median and allocation columns, ratios to each class's baseline. Measured runs use one launch,
    /// 5 warm-up and 15 measured iterations (ShortRun's 3 are too few on a shared machine; <c>--job short</c> or any other
    /// <c>--job</c> replaces it), out of process; <c>--inprocess</c> keeps them in this process. The quick run is one
    /// in-process invocation of each benchmark, without the optimisation check, so it also runs from a Debug build.
    /// A class with its own job (<see cref="ServiceCost"/>: one request per iteration) runs with that job alone in a
    /// measured run, whatever <c>--job</c> says, and with the quick job alone in a quick run.
    /// </summary>
    public static IConfig Config(bool quick, bool inProcess = false, bool jobGiven = false)
    {
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddFilter(new SimpleFilter(c => OwnJob(c.Descriptor.Type) is not { } own || c.Job.Id == (quick ? QuickJob : own)))
            .AddColumn(StatisticColumn.Median)
            .WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
        if (quick)
        {
            return config
                .AddJob(Job.Dry.WithToolchain(InProcessNoEmitToolchain.Instance).WithId(QuickJob))
                .WithOptions(ConfigOptions.DisableOptimizationsValidator)
                .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "PolicyAsCode.Benchmarks.Quick"));
        }

        // The measured run builds a copy of this project per job; on the shared machine that can take longer than
        // BenchmarkDotNet's two minutes.
        config = config.WithBuildTimeout(TimeSpan.FromMinutes(10));
        if (!jobGiven)
        {
            var job = Job.Default.WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(15).WithId("Measured");
            config = config.AddJob(inProcess ? job.WithToolchain(InProcessEmitToolchain.Instance) : job);
        }

        return config;
    }

    /// <summary>The id of the quick run's job.</summary>
    public const string QuickJob = "Quick";

    /// <summary>
    /// The id of the job <paramref name="benchmarks"/> declares for itself, or null for a class measured with the suite's
    /// job. BenchmarkDotNet runs a class's own job beside the suite's (and a command-line job would mutate it), so the
    /// filter in <see cref="Config"/> keeps only one of them.
    /// </summary>
    public static string? OwnJob(Type benchmarks) => benchmarks == typeof(ServiceCost) ? ServiceCost.Latency.JobId : null;

    /// <summary>Runs every benchmark once, in process, and returns the summaries (for the CI smoke test).</summary>
    public static Summary[] RunQuick() => BenchmarkRunner.Run(Benchmarks, Config(quick: true));

    /// <summary>Whether every benchmark of the summaries ran and produced a result.</summary>
    public static bool AllSucceeded(IEnumerable<Summary> summaries) =>
        summaries.All(s => !s.HasCriticalValidationErrors && s.Reports.Length > 0 && s.Reports.All(r => r.Success));

    /// <summary>Runs the benchmarks that <paramref name="args"/> select (BenchmarkDotNet's command line; all of them without <c>--filter</c>).</summary>
    public static int Run(string[] args, bool quick, bool inProcess)
    {
        var jobGiven = args.Any(a => a is "--job" or "-j");
        if (!args.Any(a => a is "--filter" or "-f"))
        {
            args = [.. args, "--filter", "*"];
        }

        var summaries = BenchmarkSwitcher.FromTypes(Benchmarks).Run(args, Config(quick, inProcess, jobGiven)).ToArray();
        return summaries.Length > 0 && AllSucceeded(summaries) ? 0 : 1;
    }
}
