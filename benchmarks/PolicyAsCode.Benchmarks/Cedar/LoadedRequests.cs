using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace PolicyAsCode.Benchmarks.Cedar;

/// <summary>
/// The requests file as <see cref="CedarComparison.Time"/> times it: the typed inputs, the recorded decisions and, for
/// the split, the two halves' inputs, built in a frame of their own so that the requests as read from JSON (records,
/// their code arrays and strings) are unreachable once it returns, as a service drops a request's wire form once it
/// holds the typed one.
/// </summary>
/// <remarks>
/// They used to stay reachable for the whole timing, from the stack of the method that read them (run once, so never
/// optimised: unoptimised code reports every local and temporary live to its end), and the collections before each
/// round could not pack the contexts' jurisdiction strings together: each stayed among its request's dead neighbours,
/// one cache line or more apart. Reading the jurisdiction then cost about 2 ns of the gate's 12 (docs/performance.md,
/// "Ninth session" under Cedar). <see cref="KeptRequests"/> holds them when asked (<c>cedar-time … --keep-requests</c>),
/// to time that layout again.
/// </remarks>
public sealed class LoadedRequests(CedarInputs inputs, bool[] recorded, CedarInputs[] halves, ContentRequest[]? kept, WeakReference read)
{
    /// <summary>Every request's typed inputs.</summary>
    public CedarInputs Inputs { get; } = inputs;

    /// <summary>The decision recorded for each request: true for allow.</summary>
    public bool[] Recorded { get; } = recorded;

    /// <summary>For the split: the requests where nothing moves, then those where resolution moves a value; empty when not asked for.</summary>
    public CedarInputs[] Halves { get; } = halves;

    /// <summary>The requests as read, held only when the caller asked to keep them.</summary>
    public ContentRequest[]? KeptRequests { get; } = kept;

    /// <summary>The requests as read, weakly: collected once nothing holds them (the tests check it).</summary>
    public WeakReference Read { get; } = read;

    /// <summary>Reads <paramref name="path"/> (what <c>cedar-requests</c> wrote).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static LoadedRequests Load(string path, bool split, bool keepRequests)
    {
        var text = File.ReadAllText(path);
        var requests = JsonSerializer.Deserialize<ContentRequest[]>(text, CedarComparison.Json) ?? [];
        using var document = JsonDocument.Parse(text);
        var recorded = document.RootElement.EnumerateArray().Select(e => e.GetProperty("decision").GetString() == "allow").ToArray();
        var halves = split
            ? [CedarInputs.Prepare([.. requests.Where(r => !CedarComparison.Moves(r))]), CedarInputs.Prepare([.. requests.Where(CedarComparison.Moves)])]
            : Array.Empty<CedarInputs>();
        return new LoadedRequests(CedarInputs.Prepare(requests), recorded, halves, keepRequests ? requests : null, new WeakReference(requests));
    }
}
