using System;
using System.Globalization;
using System.Linq;
using PolicyAsCode.Benchmarks;
using PolicyAsCode.Benchmarks.Cedar;
using PolicyAsCode.Benchmarks.Workload;

// dotnet run -c Release --project benchmarks/PolicyAsCode.Benchmarks -- [BenchmarkDotNet options]   measured (15 iterations; --job short for ShortRun)
// dotnet run --project benchmarks/PolicyAsCode.Benchmarks -- --quick                               every benchmark once, nothing timed
// dotnet run -c Release --project benchmarks/PolicyAsCode.Benchmarks -- check [count]              agreement only
// dotnet run -c Release --project benchmarks/PolicyAsCode.Benchmarks -- cedar-requests FILE [count] [seed]
// dotnet run -c Release --project benchmarks/PolicyAsCode.Benchmarks -- cedar-time FILE [rounds] [chunk] [way,...] [--keep-requests]
// dotnet run -c Release --project benchmarks/PolicyAsCode.Benchmarks -- probe [json|gate-layout|gate-parts|...] rough timing loops for working on the emitter or the JSON reader (PROBE_ONLY=empty|sparse: one loop, for perf)
// dotnet run -c Release --project benchmarks/PolicyAsCode.Benchmarks -- service [rounds] [batches] [concurrency]  the service cost with the endpoints interleaved (Service/InterleavedRun.cs)
// Every run that times anything first checks that the evaluators it compares agree, and stops if they do not.
switch (args.FirstOrDefault())
{
    case "check":
        return Check(args.Length > 1 ? Number(args[1]) : 20_000);
    case "cedar-requests" when args.Length > 1:
        CedarComparison.Write(args[1], args.Length > 2 ? Number(args[2]) : 10_000, args.Length > 3 ? Number(args[3]) : 7);
        return 0;
    case "probe":
        return Probe.Run(args.Skip(1).ToArray());
    case "service":
        return await PolicyAsCode.Benchmarks.Service.InterleavedRun.RunAsync(
            Console.Out, args.Length > 1 ? Number(args[1]) : 20_000, args.Length > 2 ? Number(args[2]) : 2_000, args.Length > 3 ? Number(args[3]) : 16);
    case "cedar-time" when args.Length > 1:
        var timeArgs = args.Where(a => a != "--keep-requests").ToArray();
        return CedarComparison.Time(timeArgs[1], timeArgs.Length > 2 ? Number(timeArgs[2]) : 201, timeArgs.Length > 3 ? Number(timeArgs[3]) : 250, timeArgs.Length > 4 ? timeArgs[4] : null, keepRequests: args.Contains("--keep-requests"));
}

var quick = args.Contains("--quick") || Environment.GetEnvironmentVariable("POLICYASCODE_BENCH_QUICK") == "1";
var inProcess = args.Contains("--inprocess");
var rest = args.Where(a => a is not "--quick" and not "--inprocess").ToArray();
if (Check(quick ? 2_000 : 20_000) != 0)
{
    return 1;
}

return Suite.Run(rest, quick, inProcess);

static int Check(int count)
{
    var reports = Agreement.All(count);
    foreach (var report in reports)
    {
        Console.WriteLine((report.Agrees ? "agree: " : "DISAGREE: ") + report);
    }

    return reports.All(r => r.Agrees) ? 0 : 1;
}

static int Number(string text) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);
