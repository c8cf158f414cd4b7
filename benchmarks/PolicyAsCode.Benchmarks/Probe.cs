using System;
using System.Diagnostics;
using System.Linq;
using PolicyAsCode.Benchmarks.HandWritten;
using PolicyAsCode.Benchmarks.Large;
using PolicyAsCode.Benchmarks.Workload;
using QuickStart.Policies;

namespace PolicyAsCode.Benchmarks;

/// <summary>A rough, quick timing loop for working on the emitter (not a benchmark: use the suite for figures).</summary>
public static class Probe
{
    public static int Run(string[] args)
    {
        if (args.Length > 0 && args[0] == "json")
        {
            return Json();
        }

        if (args.Length > 0 && args[0] == "overlay")
        {
            return Overlay();
        }

        if (args.Length > 0 && args[0] == "wide")
        {
            return Wide();
        }

        if (args.Length > 0 && args[0] == "gate-layout")
        {
            return GateLayout(args.Length > 1 && args[1] == "after-resolve");
        }

        if (args.Length > 0 && args[0] == "gate-parts")
        {
            return Cedar.GateParts.Run(args.Length > 1 ? args[1] : null);
        }

        if (args.Length > 0 && args[0] == "cedar-order")
        {
            return CedarOrder();
        }

        var (q, qc) = Scenarios.QuickStart(ResolveScenario.Unchanged);
        var (q1, q1c) = Scenarios.QuickStart(ResolveScenario.OneClamp);
        var (l, lc) = Scenarios.Large(ResolveScenario.Unchanged);
        var (l1, l1c) = Scenarios.Large(ResolveScenario.OneClamp);
        var (lm, lmc) = Scenarios.Large(ResolveScenario.ManyClamps);
        var (qm, qmc) = Scenarios.QuickStart(ResolveScenario.ManyClamps);
        var r = LearnerPreferences.Resolve(q, qc);
        var hr = QuickStartHandWritten.Resolve(q, qc, default);
        var interpreter = new PolicyInterpreter(LearnerPreferences.Registry);
        var ir = interpreter.Resolve(LearnerPreferences.Encode(q), qc);
        for (var round = 0; round < 5; round++)
        {
            Console.WriteLine($"hand   resolve {Time(() => QuickStartHandWritten.Resolve(q, qc, default).Jurisdiction):F1} ns");
            Console.WriteLine($"gen    resolve {Time(() => LearnerPreferences.Resolve(q, qc).Jurisdiction):F1} ns");
            Console.WriteLine($"hand   clamp   {Time(() => QuickStartHandWritten.Resolve(q1, q1c, default).Jurisdiction):F1} ns");
            Console.WriteLine($"gen    clamp   {Time(() => LearnerPreferences.Resolve(q1, q1c).Jurisdiction):F1} ns");
            Console.WriteLine($"large  resolve {Time(() => LargePreferences.Resolve(l, lc).Jurisdiction):F1} ns");
            Console.WriteLine($"hand   many    {Time(() => QuickStartHandWritten.Resolve(qm, qmc, default).Jurisdiction):F1} ns");
            Console.WriteLine($"gen    many    {Time(() => LearnerPreferences.Resolve(qm, qmc).Jurisdiction):F1} ns");
            Console.WriteLine($"large  clamp   {Time(() => LargePreferences.Resolve(l1, l1c).Jurisdiction):F1} ns");
            Console.WriteLine($"large  many    {Time(() => LargePreferences.Resolve(lm, lmc).Jurisdiction):F1} ns");
            Console.WriteLine($"hand   decide  {Time(() => (int)QuickStartHandWritten.Decide(hr, Hazard.ViolentCrimes).Verdict):F1} ns");
            Console.WriteLine($"gen    decide  {Time(() => (int)LearnerPreferences.Decide(r, Hazard.ViolentCrimes).Verdict):F1} ns");
            Console.WriteLine($"hand   refuse  {Time(() => (int)QuickStartHandWritten.Decide(hr, Hazard.Elections).Verdict):F1} ns");
            Console.WriteLine($"gen    refuse  {Time(() => (int)LearnerPreferences.Decide(r, Hazard.Elections).Verdict):F1} ns");
            Console.WriteLine($"interp refuse  {Time(() => (int)interpreter.Decide(ir, Hazard.Elections).Verdict):F1} ns");
            Console.WriteLine($"interp decide  {Time(() => (int)interpreter.Decide(ir, Hazard.ViolentCrimes).Verdict):F1} ns");
        }

        return 0;
    }

    // The overlaid snapshot against the compiled one of the same engine, interleaved, best of 7 each: the QuickStart.
    private static int Overlay()
    {
        var engine = OverlayScenarios.Engine();
        return Overlaid(engine.Compiled, engine.Current, OverlayScenarios.QuickStart, _ => 200_000);
    }

    // The same for the 1,000-dimension policy (Large/WidePolicy.cs).
    private static int Wide()
    {
        var engine = OverlayScenarios.WideEngine();
        return Overlaid(engine.Compiled, engine.Current, Scenarios.Generated<PolicyAsCode.Benchmarks.Wide.WidePreferences>, s => s == ResolveScenario.ManyClamps ? 500 : 5_000);
    }

    private static int Overlaid<T>(
        PolicyAsCode.Runtime.PolicySnapshot<T> compiled,
        PolicyAsCode.Runtime.PolicySnapshot<T> overlaid,
        Func<ResolveScenario, (T Request, PolicyContext Context)> scenarios,
        Func<ResolveScenario, int> calls)
        where T : class, IUserTierPolicy<T>
    {
        if (Environment.GetEnvironmentVariable("PROBE_ONLY") is { } only)
        {
            // One snapshot and scenario in a long loop, for a profiler: PROBE_ONLY=overlaid:Unchanged.
            var parts = only.Split(':');
            var snapshot = parts[0] == "compiled" ? compiled : overlaid;
            var scenario = Enum.Parse<ResolveScenario>(parts[1]);
            var (request, context) = scenarios(scenario);
            var sink = 0;
            for (var i = 0; i < calls(scenario) * 500; i++) sink += ResolveOnce(snapshot, request, context).Jurisdiction;
            return sink & 1;
        }

        for (var round = 0; round < 5; round++)
        {
            foreach (var scenario in Enum.GetValues<ResolveScenario>())
            {
                var (request, context) = scenarios(scenario);
                var c = Time(() => ResolveOnce(compiled, request, context).Jurisdiction, calls(scenario));
                var o = Time(() => ResolveOnce(overlaid, request, context).Jurisdiction, calls(scenario));
                Console.WriteLine($"{scenario,-11} compiled {c,8:F1} ns  overlaid {o,8:F1} ns  {o / c:F2} x");
            }
        }

        return 0;
    }

    // Not inlined, as a benchmark method is not: the resolution is built and returned, not cut down to the field read.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static Resolution<T> ResolveOnce<T>(PolicyAsCode.Runtime.PolicySnapshot<T> snapshot, T request, PolicyContext context)
        where T : class, IUserTierPolicy<T> =>
        snapshot.Resolve(request, context);

    // The preferences reader on the benchmark's documents and on {}, against System.Text.Json.
    private static int Json()
    {
        var context = PolicyContext.In("EU");
        var options = new System.Text.Json.JsonSerializerOptions
        {
            PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
            Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        };
        var (full, fullStj) = Benchmarks.PreferencesJsonRead.Documents(Benchmarks.PreferencesDocument.Full);
        var (sparse, sparseStj) = Benchmarks.PreferencesJsonRead.Documents(Benchmarks.PreferencesDocument.Sparse);
        var empty = "{}"u8.ToArray();
        if (Environment.GetEnvironmentVariable("PROBE_ONLY") is "empty" or "sparse")
        {
            var sink = 0;
            var only = Environment.GetEnvironmentVariable("PROBE_ONLY") == "empty" ? empty : sparse;
            for (var i = 0; i < 50_000_000; i++) sink += LearnerPreferences.ReadPreferences(only, context).Requested.MemoryDays;
            return sink;
        }

        for (var round = 0; round < 5; round++)
        {
            Console.WriteLine($"stj    full    {Time(() => System.Text.Json.JsonSerializer.Deserialize<LearnerPreferences>(fullStj, options)!.MemoryDays):F1} ns");
            Console.WriteLine($"gen    full    {Time(() => LearnerPreferences.ReadPreferences(full, context).Requested.MemoryDays):F1} ns");
            Console.WriteLine($"stj    sparse  {Time(() => System.Text.Json.JsonSerializer.Deserialize<LearnerPreferences>(sparseStj, options)!.MemoryDays):F1} ns");
            Console.WriteLine($"gen    sparse  {Time(() => LearnerPreferences.ReadPreferences(sparse, context).Requested.MemoryDays):F1} ns");
            Console.WriteLine($"gen    {{}}      {Time(() => LearnerPreferences.ReadPreferences(empty, context).Requested.MemoryDays):F1} ns");
            Console.WriteLine($"new    record  {Time(() => (_kept = new LearnerPreferences()).MemoryDays):F1} ns");
            Console.WriteLine($"with   record  {Time(() => (_kept = _kept! with { Tone = Tone.Playful }).MemoryDays):F1} ns");
            Console.WriteLine($"scan   {{}}      {Time(() => Scan(empty)):F1} ns");
            Console.WriteLine($"regist {{}}      {Time(() => PolicyAsCode.Json.PreferencesJson.Read(LearnerPreferences.Registry, empty, context).Requested.Length):F1} ns");
        }

        return 0;
    }

    private static LearnerPreferences? _kept;

    private static int Scan(byte[] document)
    {
        System.Span<DimensionValue> values = stackalloc DimensionValue[9];
        var names = default(NoNames);
        return PolicyAsCode.Compiled.PreferencesFastPath.TryScan(LearnerPreferences.Registry, ref names, document, 65536, values, out var given) ? (int)given : -1;
    }

    private struct NoNames : PolicyAsCode.Compiled.IPreferenceNames
    {
        public int MatchProperty(ReadOnlySpan<byte> name) => -1;

        public int MatchMember(int dimension, ReadOnlySpan<byte> text) => -1;
    }

    private static double Time(Func<int> f, int calls = 200_000)
    {
        var sink = 0;
        for (var i = 0; i < calls; i++) sink += f();
        var best = double.MaxValue;
        for (var k = 0; k < 7; k++)
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < calls; i++) sink += f();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalNanoseconds / calls);
        }

        GC.KeepAlive(sink);
        return best;
    }

    // What the order of the Cedar comparison's requests costs: the same 10,000 requests as drawn, with their
    // jurisdictions interned (one string per jurisdiction) or copied (one string per request), and sorted so that the
    // branches on jurisdiction, minor, maturity and hazards predict.
    // The Cedar comparison's requests decided by the gate and by hand, three ways: the jurisdiction strings as drawn
    // (three literals), as read back from JSON (one string per request, among the reader's other objects, as the Cedar
    // harness holds them) and copied in request order (one string per request, side by side); optionally after
    // resolve + decide has been timed on the same requests first, as cedar-time does.
    private static int GateLayout(bool afterResolve)
    {
        var drawn = Cedar.CedarComparison.Requests(10_000, 7);
        var read = Cedar.CedarComparison.ReadBack(drawn);
        var copied = Array.ConvertAll(read, r => r with { Jurisdiction = r.Jurisdiction is null ? null : new string(r.Jurisdiction.AsSpan()) });
        foreach (var (name, requests) in new[] { ("drawn", drawn), ("read from JSON", read), ("copied", copied) })
        {
            var inputs = Cedar.CedarInputs.Prepare(requests);
            var allowed = inputs.ResolveAndDecide(0, inputs.Count);
            var full = afterResolve ? $"   resolve + decide {Cedar.PassTimer.Time(inputs.ResolveAndDecide, inputs.Count, 101, 250, allowed).Median,6:0.0} ns" : string.Empty;
            var gate = Cedar.PassTimer.Time(inputs.DecideByGate, inputs.Count, 101, 250, allowed);
            var byHand = Cedar.PassTimer.Time(inputs.DecideByHand, inputs.Count, 101, 250, allowed);
            Console.WriteLine($"{name,-15}{full}   gate {gate.Median,6:0.0} ns   by hand {byHand.Median,6:0.0} ns   (medians per request)");
        }

        return 0;
    }

    private static int CedarOrder()
    {
        var drawn = Cedar.CedarComparison.Requests(10_000, 7);
        var interned = Array.ConvertAll(drawn, r => r with { Jurisdiction = r.Jurisdiction is null ? null : string.Intern(r.Jurisdiction) });
        var copied = Array.ConvertAll(drawn, r => r with { Jurisdiction = r.Jurisdiction is null ? null : new string(r.Jurisdiction.AsSpan()) });
        var sorted = drawn.OrderBy(r => r.Jurisdiction).ThenBy(r => r.Minor).ThenBy(r => r.Maturity).ThenBy(r => r.Hazards.Length).ToArray();
        foreach (var (name, requests) in new[] { ("drawn", drawn), ("interned", interned), ("copied", copied), ("sorted", sorted) })
        {
            var inputs = Cedar.CedarInputs.Prepare(requests);
            var allowed = inputs.ResolveAndDecide(0, inputs.Count);
            var byHand = Cedar.PassTimer.Time(inputs.DecideByHand, inputs.Count, 101, 250, allowed);
            var full = Cedar.PassTimer.Time(inputs.ResolveAndDecide, inputs.Count, 101, 250, allowed);
            Console.WriteLine($"{name,-9} by hand {byHand.Median,6:0.0} ns   generated resolve + decide {full.Median,6:0.0} ns   (medians per request)");
        }

        return 0;
    }
}
