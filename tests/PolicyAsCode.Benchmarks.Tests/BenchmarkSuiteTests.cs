using System.Linq;
using System.Threading.Tasks;
using PolicyAsCode.Benchmarks;
using PolicyAsCode.Benchmarks.Benchmarks;
using PolicyAsCode.Benchmarks.Cedar;
using PolicyAsCode.Benchmarks.HandWritten;
using PolicyAsCode.Benchmarks.Service;
using PolicyAsCode.Benchmarks.Workload;
using QuickStart.Policies;
using Xunit;
using Xunit.Abstractions;

namespace PolicyAsCode.Benchmarks.Tests;

/// <summary>
/// Keeps the benchmark suite from rotting: what it compares still agrees, and every benchmark still runs. Nothing here
/// is timed and no test asserts a duration; the measured figures are in docs/performance.md.
/// </summary>
public sealed class BenchmarkSuiteTests(ITestOutputHelper output)
{
    [Fact]
    public void The_hand_written_QuickStart_evaluator_agrees_with_the_generated_one()
    {
        var report = Agreement.HandWrittenAgainstGenerated(5_000, seed: 11);

        Assert.True(report.Agrees, report.ToString());
        Assert.True(report.Decisions >= 5_000);
    }

    [Fact]
    public void The_agreement_workload_reaches_every_QuickStart_jurisdiction_and_the_national_laws_bounds()
    {
        // The hand-written evaluator is only checked where the random requests go: in EU, US, DE and US-CA, in no
        // known jurisdiction, and far enough that the bounds of the laws within laws are what a moved value cites.
        var cases = RandomCases.For<LearnerPreferences>(5_000, seed: 11);
        var resolutions = cases.Select(c => LearnerPreferences.Resolve(c.Requested!, c.Context, c.Unreadable)).ToArray();
        var cited = resolutions.SelectMany(r => r.Adjustments).Where(a => a.Tier is not null).Select(a => a.Tier!.Name).ToHashSet();

        Assert.Equal([-1, 0, 1, 2, 3], resolutions.Select(r => r.Jurisdiction).Distinct().Order());
        Assert.Equal<string>(["EU", "US", "DE", "US-CA"], LearnerPreferences.Registry.Jurisdictions);
        Assert.Contains("DE", cited);
        Assert.Contains("US-CA", cited);
    }

    [Fact]
    public void The_generated_evaluators_agree_with_the_interpreter()
    {
        var quickStart = Agreement.GeneratedAgainstInterpreter<LearnerPreferences>("QuickStart", 3_000, seed: 12);
        var large = Agreement.GeneratedAgainstInterpreter<Large.LargePreferences>("Large", 3_000, seed: 13);
        var ten = Agreement.GeneratedAgainstInterpreter<Ten.TenPreferences>("Ten", 3_000, seed: 14);

        Assert.True(quickStart.Agrees, quickStart.ToString());
        Assert.True(ten.Agrees, ten.ToString());
        Assert.True(large.Agrees, large.ToString());
    }

    [Fact]
    public void The_benchmarked_scenarios_do_what_their_names_say()
    {
        foreach (var scenario in new[] { ResolveScenario.Unchanged, ResolveScenario.OneClamp, ResolveScenario.ManyClamps })
        {
            var (request, context) = Scenarios.QuickStart(scenario);
            var generated = LearnerPreferences.Resolve(request, context);
            var hand = QuickStartHandWritten.Resolve(request, context, default);
            var expected = scenario switch { ResolveScenario.Unchanged => 0, ResolveScenario.OneClamp => 1, _ => 7 };
            Assert.Equal(expected, generated.Adjustments.Count);
            Assert.Equal(generated.Adjustments, hand.Adjustments);

            var (large, largeContext) = Scenarios.Large(scenario);
            var largeCount = Large.LargePreferences.Resolve(large, largeContext).Adjustments.Count;
            Assert.True(scenario switch { ResolveScenario.Unchanged => largeCount == 0, ResolveScenario.OneClamp => largeCount == 1, _ => largeCount > 30 }, $"{scenario}: {largeCount} adjustments");
        }

        // The gate's benchmark asks about content every scenario allows, so both ways return true and do all their work.
        foreach (var scenario in new[] { ResolveScenario.Unchanged, ResolveScenario.OneClamp, ResolveScenario.ManyClamps })
        {
            var admit = new QuickStartAdmit { Scenario = scenario };
            admit.Setup();
            Assert.True(admit.ResolveThenDecide());
            Assert.True(admit.Gate());
        }

        var resolution = LearnerPreferences.Resolve(Scenarios.QuickStartWithin, Scenarios.EuAdult);
        Assert.True(LearnerPreferences.Decide(resolution, Scenarios.Detected(DecideScenario.Allow)).IsAllowed);
        Assert.Equal(DecisionCause.Forbidden, LearnerPreferences.Decide(resolution, Scenarios.Detected(DecideScenario.Refuse)).Cause);
    }

    [Fact]
    public void The_cedar_requests_cover_both_decisions_and_every_kind_of_context()
    {
        var requests = CedarComparison.Requests(10_000, seed: 7);
        var decisions = requests.Select(r => CedarComparison.Decide(r.Preferences, r.Context, r.Detected, r.ContentMaturity)).ToArray();

        Assert.InRange(decisions.Count(d => d), 1_000, 9_000);
        Assert.Equal(4, requests.Select(r => r.Jurisdiction).Distinct().Count());
        Assert.Equal(3, requests.Select(r => r.Minor).Distinct().Count());
        Assert.Contains(requests, r => r.Hazards.Any(h => h[0] == 'X'));
    }

    [Fact]
    public void The_preferences_readers_and_System_Text_Json_read_the_benchmarked_documents_alike()
    {
        foreach (var document in new[] { PreferencesDocument.Full, PreferencesDocument.Sparse })
        {
            Assert.True(PreferencesJsonRead.Agree(document, out var detail), detail);
        }
    }

    [Fact]
    public void Every_hostile_preferences_document_is_benchmarked_against_the_plain_one()
    {
        var methods = typeof(PreferencesJsonHostile).GetMethods()
            .Where(m => m.GetCustomAttributes(typeof(BenchmarkDotNet.Attributes.BenchmarkAttribute), false).Length > 0)
            .ToDictionary(m => m.Name, m => (BenchmarkDotNet.Attributes.BenchmarkAttribute)m.GetCustomAttributes(typeof(BenchmarkDotNet.Attributes.BenchmarkAttribute), false)[0]);
        Assert.Equal(HostileDocuments.All.Select(d => d.ToString()).Order(), methods.Keys.Order());
        Assert.True(methods[nameof(HostileDocument.PlainUnknownNames)].Baseline);
        new PreferencesJsonHostile().Setup(); // throws for a document over the limit or without errors
    }

    [Theory]
    [InlineData(ServiceScenario.Unchanged)]
    [InlineData(ServiceScenario.Clamped)]
    public async Task The_service_endpoints_differ_only_by_the_policy(ServiceScenario scenario)
    {
        // A real Kestrel server on loopback: the answers agree when nothing moves, and when values are clamped
        // /personalised answers with the effective values and /plain with the stored ones (ServiceCheck throws otherwise).
        await using var host = await ServiceHost.StartAsync(scenario);
        var (plain, personalised) = await ServiceCheck.AnswersAsync(host, scenario);

        Assert.Equal("127.0.0.1", host.Address.Host);
        Assert.NotEqual(0, host.Address.Port);
        if (scenario == ServiceScenario.Unchanged)
        {
            Assert.Equal(plain, personalised);
        }
        else
        {
            Assert.Contains("\"maturity\":\"Mature\"", plain, System.StringComparison.Ordinal);
            Assert.DoesNotContain("\"maturity\":\"Mature\"", personalised, System.StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_service_endpoints_refuse_an_anonymous_request()
    {
        await using var host = await ServiceHost.StartAsync(ServiceScenario.Unchanged);
        using var anonymous = new System.Net.Http.HttpClient { BaseAddress = host.Address };

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/plain")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/personalised")).StatusCode);
    }

    [Fact]
    public async Task The_interleaved_service_run_times_every_request_of_both_endpoints()
    {
        var (plain, personalised, plainBatches, personalisedBatches) = await InterleavedRun.MeasureAsync(ServiceScenario.Clamped, rounds: 40, batches: 3, concurrency: 4);

        Assert.Equal(("plain", 40, 1), (plain.Endpoint, plain.Microseconds.Length, plain.RequestsPerSample));
        Assert.Equal(("personalised", 40, 1), (personalised.Endpoint, personalised.Microseconds.Length, personalised.RequestsPerSample));
        Assert.Equal((3, 4), (plainBatches.Microseconds.Length, plainBatches.RequestsPerSample));
        Assert.Equal((3, 4), (personalisedBatches.Microseconds.Length, personalisedBatches.RequestsPerSample));
        Assert.All(new[] { plain, personalised, plainBatches, personalisedBatches }, s => Assert.All(s.Microseconds, t => Assert.True(t > 0)));
        Assert.Equal(plain.Microseconds.Max(), plain.Percentile(100));
        Assert.Equal(plain.Microseconds.Min(), plain.Percentile(0));
    }

    [Fact]
    public void The_service_latency_is_timed_one_request_per_iteration_and_quick_mode_still_runs_it_once()
    {
        var measured = BenchmarkDotNet.Running.BenchmarkConverter.TypeToBenchmarks(typeof(ServiceCost), Suite.Config(quick: false));
        var quick = BenchmarkDotNet.Running.BenchmarkConverter.TypeToBenchmarks(typeof(ServiceCost), Suite.Config(quick: true));
        var other = BenchmarkDotNet.Running.BenchmarkConverter.TypeToBenchmarks(typeof(PreferencesJsonRead), Suite.Config(quick: false));

        Assert.All(measured.BenchmarksCases, c => Assert.Equal((ServiceCost.Latency.JobId, 1, ServiceCost.Latency.Requests), (c.Job.Id, c.Job.Run.InvocationCount, c.Job.Run.IterationCount)));
        Assert.All(quick.BenchmarksCases, c => Assert.Equal((Suite.QuickJob, 1), (c.Job.Id, c.Job.Run.IterationCount)));
        Assert.All(other.BenchmarksCases, c => Assert.Equal(("Measured", 15), (c.Job.Id, c.Job.Run.IterationCount)));
        Assert.Equal(4, quick.BenchmarksCases.Length);
        Assert.Equal(4, measured.BenchmarksCases.Length);
    }

    [Fact]
    public void The_quick_mode_runs_every_benchmark()
    {
        var summaries = Suite.RunQuick();

        foreach (var report in summaries.SelectMany(s => s.Reports))
        {
            output.WriteLine($"{report.BenchmarkCase.DisplayInfo}: {(report.Success ? "ran" : "FAILED")}");
        }

        Assert.Equal(Suite.Benchmarks.Length, summaries.Length);
        Assert.Equal(84, summaries.Sum(s => s.Reports.Length)); // 9 + 6 + 6 QuickStart (resolve, decide, the gate), 9 + 4 overlaid QuickStart, 6 overlaid wide, 6 Ten, 6 + 4 Large, 8 preferences JSON, 12 hostile documents, 4 + 4 service
        Assert.True(Suite.AllSucceeded(summaries));
    }
}
