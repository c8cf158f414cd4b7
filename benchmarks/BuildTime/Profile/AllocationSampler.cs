using System;
using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Linq;

/// <summary>
/// What each stage allocates, by type (<c>PROFILE_ALLOC=1</c> with <c>--stages</c>): the runtime's allocation ticks, one
/// about every 100 KB a thread allocates, summed by the type allocated when the tick came, over the stage's warm-ups and
/// repeats. A sample, not a count (a small object allocated just after a large one takes the large one's tick), but it
/// tells the compiler's share (its binder, nullable walker, diagnostics) from ours; for the call stacks, run the same
/// under <c>dotnet-trace collect --profile gc-verbose</c>.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly ConcurrentDictionary<string, long> _bytes = new();
    private volatile bool _on;

    public void Start() => _on = true;

    public void StopAndPrint(string title)
    {
        _on = false;
        Print(title);
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_on || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal))
        {
            return;
        }

        var type = e.Payload![e.PayloadNames!.IndexOf("TypeName")] as string ?? "?";
        var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")]);
        _bytes.AddOrUpdate(type, amount, (_, v) => v + amount);
    }

    private void Print(string title)
    {
        Console.WriteLine($"  allocation ticks, {title}:");
        foreach (var (type, bytes) in _bytes.OrderByDescending(p => p.Value).Take(25))
        {
            Console.WriteLine($"    {bytes / 1e6,8:0.0} MB  {type}");
        }

        _bytes.Clear();
    }
}
