using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using QuickStart.Policies;

namespace PolicyAsCode.Benchmarks.Cedar;

/// <summary>
/// One content request of the Cedar comparison (see benchmarks/Cedar): who asks (the requested maturity and avoid
/// list), where (jurisdiction, minor known or not), and the content (hazard codes and maturity).
/// </summary>
/// <param name="Jurisdiction">"EU", "US", "BR" (a jurisdiction the policy does not name) or null (none given).</param>
/// <param name="Minor">Whether the user is a minor; null when unknown.</param>
/// <param name="Avoid">The user's own avoid list, as hazard codes S1..S14.</param>
/// <param name="Maturity">The maturity the user asks for: 0 General, 1 Teen, 2 Mature.</param>
/// <param name="Hazards">The content's detected hazards: S1..S14, or X<i>n</i> for a category the policy cannot name (bit n).</param>
/// <param name="ContentMaturity">The content's maturity, 0..2.</param>
public sealed record ContentRequest(string? Jurisdiction, bool? Minor, string[] Avoid, int Maturity, string[] Hazards, int ContentMaturity)
{
    /// <summary>The request's context for the generated evaluator.</summary>
    public PolicyContext Context
    {
        get
        {
            var context = PolicyContext.In(Jurisdiction);
            return Minor is bool minor ? context.With(Fact.Minor, minor) : context;
        }
    }

    /// <summary>The user's requested preferences.</summary>
    public LearnerPreferences Preferences => new() { Maturity = (Maturity)Maturity, AvoidHazards = CedarComparison.Parse(Avoid) };

    /// <summary>The detected hazards.</summary>
    public Hazard Detected => CedarComparison.Parse(Hazards);
}

/// <summary>
/// The .NET half of the Cedar side-by-side: writes the requests with the generated evaluator's decisions, and times
/// the generated evaluator on the very same requests. The decision is the content decision and the maturity bound
/// check together: allowed when <c>Decide</c> allows the content's hazards and the content's maturity is within the
/// user's effective maturity.
/// </summary>
public static class CedarComparison
{
    internal static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The decision of the generated evaluator, resolving the user's preferences first.</summary>
    public static bool Decide(LearnerPreferences preferences, in PolicyContext context, Hazard detected, int contentMaturity)
    {
        var resolution = LearnerPreferences.Resolve(preferences, in context);
        return LearnerPreferences.Decide(resolution, detected).IsAllowed && contentMaturity <= (int)resolution.Effective.Maturity;
    }

    /// <summary>
    /// The same decision by the generated gate: the context's scope tested once, then <c>Admits</c> and
    /// <c>Granted.Maturity</c>, which answer as the resolution would without building it (the maturity test and the
    /// hazard test are both evaluated, so nothing jumps on which of them refuses).
    /// </summary>
    public static bool DecideByGate(LearnerPreferences preferences, in PolicyContext context, Hazard detected, int contentMaturity)
    {
        var scope = new LearnerPreferences.PolicyScope(in context);
        return LearnerPreferences.Admits(preferences, in scope, detected) & contentMaturity <= (int)LearnerPreferences.Granted.Maturity(preferences, in scope);
    }

    /// <summary>The decision against a resolution made beforehand (a user's resolution is reused for all their content).</summary>
    public static bool Decide(in Resolution<LearnerPreferences> resolution, Hazard detected, int contentMaturity) =>
        LearnerPreferences.Decide(resolution, detected).IsAllowed && contentMaturity <= (int)resolution.Effective.Maturity;

    /// <summary><paramref name="count"/> random requests; the same seed gives the same requests.</summary>
    public static ContentRequest[] Requests(int count, int seed)
    {
        var random = new Random(seed);
        var jurisdictions = new string?[] { "EU", "US", "BR", null };
        var requests = new ContentRequest[count];
        for (var i = 0; i < count; i++)
        {
            var minor = random.Next(3) switch { 0 => (bool?)true, 1 => false, _ => null };
            var avoid = random.Next(3) == 0 ? Codes(random, random.Next(1, 4)) : [];
            var hazards = random.Next(10) switch
            {
                < 4 => [],
                < 9 => Codes(random, random.Next(1, 3)),
                _ => [.. Codes(random, random.Next(0, 2)), "X" + random.Next(32, 40).ToString(CultureInfo.InvariantCulture)],
            };
            requests[i] = new ContentRequest(jurisdictions[random.Next(jurisdictions.Length)], minor, avoid, random.Next(3), hazards, random.Next(3));
        }

        return requests;
    }

    /// <summary>
    /// <paramref name="requests"/> written as JSON and read back, as <see cref="Time"/> holds them: one new string per
    /// jurisdiction, among the reader's other objects (the probes compare this layout with others).
    /// </summary>
    public static ContentRequest[] ReadBack(ContentRequest[] requests) =>
        JsonSerializer.Deserialize<ContentRequest[]>(JsonSerializer.Serialize(requests, Json), Json) ?? [];

    /// <summary>Writes <paramref name="count"/> requests and their decisions to <paramref name="path"/>.</summary>
    public static void Write(string path, int count, int seed)
    {
        var requests = Requests(count, seed);
        var entries = requests.Select(r => new
        {
            r.Jurisdiction,
            r.Minor,
            r.Avoid,
            r.Maturity,
            r.Hazards,
            r.ContentMaturity,
            Decision = Decide(r.Preferences, r.Context, r.Detected, r.ContentMaturity) ? "allow" : "deny",
        });
        File.WriteAllText(path, JsonSerializer.Serialize(entries, Json));
        var allowed = requests.Count(r => Decide(r.Preferences, r.Context, r.Detected, r.ContentMaturity));
        Console.WriteLine($"wrote {count} requests to {path}: {allowed} allowed, {count - allowed} denied by the generated evaluator");
    }

    // The ways timed over every request: the name run.sh passes, the key of the figures in the JSON line, the title.
    private static readonly TimedWay[] WholeWays =
    [
        new("resolve-decide", "resolveDecide", "resolve + decide", inputs => inputs.ResolveAndDecide),
        new("decide", "decide", "decide against a resolution made beforehand", inputs => inputs.DecideResolved),
        new("by-hand", "byHand", "the decision by hand, from only what it reads, no resolution (QuickStartDecisionByHand)", inputs => inputs.DecideByHand),
        new("gate", "byGate", "resolve + decide by the generated gate, no resolution built (PolicyScope, Admits, Granted.Maturity)", inputs => inputs.DecideByGate),
    ];

    // Resolve + decide on the requests split by whether resolution moves a value (a clamped maturity).
    private const string SplitWay = "split";

    /// <summary>
    /// The ways <see cref="Time"/> can time, by the name run.sh passes: resolve + decide, decide against resolutions
    /// made beforehand, the decision by hand, the gate, and resolve + decide split by whether resolution moves a value.
    /// </summary>
    public static readonly IReadOnlyList<string> Ways = [.. WholeWays.Select(w => w.Name), SplitWay];

    /// <summary>
    /// Reads the requests back, checks the recorded decisions, and times the generated evaluator on them (see
    /// <see cref="PassTimer"/>): the comma-separated <paramref name="ways"/> in that order (each one of
    /// <see cref="Ways"/>), or every way in turn when it is null. run.sh times each way in a process of its own: in one
    /// process only the first way's loop is inlined into <see cref="PassTimer"/>'s round (dynamic PGO sees one delegate
    /// target), and later ones run slower (the gate after decide: 18 ns, first: 12 ns); <c>decide,gate</c> and
    /// <c>gate,decide,gate</c> show it (docs/performance.md, "Eighth session" under Cedar).
    /// </summary>
    public static int Time(string path, int rounds, int chunk, string? ways = null, bool keepRequests = false)
    {
        var timed = ways?.Split(',') ?? [.. Ways];
        if (timed.FirstOrDefault(w => !Ways.Contains(w)) is { } unknown)
        {
            Console.Error.WriteLine($"unknown way '{unknown}': expected one or more of {string.Join(", ", Ways)}, separated by commas");
            return 2;
        }

        // The requests as read from JSON are dropped before anything is timed, unless asked to be kept (LoadedRequests).
        var loaded = LoadedRequests.Load(path, timed.Contains(SplitWay), keepRequests);
        var (inputs, recorded) = (loaded.Inputs, loaded.Recorded);
        var disagreement = inputs.FirstDisagreement(recorded);
        if (disagreement >= 0)
        {
            Console.Error.WriteLine($"request {disagreement}: the generated evaluator no longer gives the recorded decision");
            return 1;
        }

        var allowed = recorded.Count(d => d);
        Console.WriteLine($"generated evaluator, {inputs.Count} requests in chunks of {chunk}, .NET {Environment.Version}, {Environment.ProcessorCount} cores, tiered compilation {Setting("TieredCompilation")}, tiered PGO {Setting("TieredPGO")}, this process times {string.Join(", then ", timed)}{(keepRequests ? ", the requests as read kept reachable" : string.Empty)}");
        var figures = new List<string>();
        foreach (var name in timed)
        {
            if (WholeWays.FirstOrDefault(w => w.Name == name) is { } whole)
            {
                var timing = PassTimer.Time(whole.Pass(inputs), inputs.Count, rounds, chunk, allowed);
                Console.WriteLine($"  {whole.Title}: {timing}");
                figures.Add($"\"{whole.Key}\":{timing.ToJson()}");
                continue;
            }

            // Where the time goes: the same requests split by whether resolution moves a value.
            foreach (var moved in new[] { false, true })
            {
                var part = loaded.Halves[moved ? 1 : 0];
                var timing = PassTimer.Time(part.ResolveAndDecide, part.Count, rounds, chunk, part.ResolveAndDecide(0, part.Count));
                Console.WriteLine($"  resolve + decide, the {part.Count} requests where {(moved ? "resolution moves a value" : "nothing moves")}: {timing}");
                figures.Add(FormattableString.Invariant($"\"{(moved ? "moved" : "unchanged")}\":{{\"requests\":{part.Count},\"timing\":{timing.ToJson()}}}"));
            }
        }

        Console.WriteLine(FormattableString.Invariant($"dotnet-json {{\"requests\":{inputs.Count},\"chunk\":{chunk},{string.Join(",", figures)}}}"));
        GC.KeepAlive(loaded.KeptRequests);
        return 0;
    }

    /// <summary>Whether resolving <paramref name="request"/>'s preferences moves any value.</summary>
    public static bool Moves(ContentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var preferences = request.Preferences;
        return !ReferenceEquals(LearnerPreferences.Resolve(preferences, request.Context).Effective, preferences);
    }

    /// <summary>Hazards from codes: S1..S14 are the shipped categories; Xn is bit n.</summary>
    public static Hazard Parse(IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var hazard = Hazard.None;
        foreach (var code in codes)
        {
            var bit = int.Parse(code.AsSpan(1), CultureInfo.InvariantCulture) - (code[0] == 'S' ? 1 : 0);
            hazard |= (Hazard)(1UL << bit);
        }

        return hazard;
    }

    private static string[] Codes(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => "S" + random.Next(1, 15).ToString(CultureInfo.InvariantCulture)).Distinct().Order(StringComparer.Ordinal)];

    // A runtime knob as the environment sets it; "default" (on, in .NET 10) when it is not set.
    private static string Setting(string name) => Environment.GetEnvironmentVariable("DOTNET_" + name) ?? "default";

    private sealed record TimedWay(string Name, string Key, string Title, Func<CedarInputs, Func<int, int, int>> Pass);
}
