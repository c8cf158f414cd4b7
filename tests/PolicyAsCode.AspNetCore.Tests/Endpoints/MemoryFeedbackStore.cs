using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PolicyAsCode.Learning;

namespace PolicyAsCode.AspNetCore.Tests.Endpoints;

// A test double of the feedback store contract, so the endpoint tests see exactly what was kept (the EF Core store
// has its own tests, against SQLite and PostgreSQL).
internal sealed class MemoryFeedbackStore : IFeedbackStore
{
    private readonly List<(string Policy, FeedbackEvent Event)> _events = [];
    private readonly List<(string Policy, string User, LearningReset Reset)> _resets = [];

    public IReadOnlyList<FeedbackEvent> Events(string user)
    {
        lock (_events)
        {
            return [.. _events.Where(e => e.Event.UserId == user).Select(e => e.Event)];
        }
    }

    public int Count
    {
        get
        {
            lock (_events)
            {
                return _events.Count;
            }
        }
    }

    public ValueTask AppendAsync(string policy, FeedbackEvent feedback, CancellationToken cancellationToken = default)
    {
        lock (_events)
        {
            _events.Add((policy, feedback));
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<FeedbackHistory> HistoryAsync(string policy, string userId, CancellationToken cancellationToken = default)
    {
        lock (_events)
        {
            var events = _events.Where(e => e.Policy == policy && e.Event.UserId == userId).Select(e => e.Event).OrderBy(e => e.At).TakeLast(IFeedbackStore.HistoryLimit).ToList();
            var resets = _resets.Where(r => r.Policy == policy && r.User == userId).Select(r => r.Reset).OrderBy(r => r.At).ToList();
            return ValueTask.FromResult(new FeedbackHistory(events, resets));
        }
    }

    public ValueTask ResetAsync(string policy, string userId, LearningReset reset, CancellationToken cancellationToken = default)
    {
        lock (_events)
        {
            _resets.Add((policy, userId, reset));
        }

        return ValueTask.CompletedTask;
    }

    public async IAsyncEnumerable<FeedbackEvent> ConsentedAsync(string policy, Fact consent, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<FeedbackEvent> events;
        lock (_events)
        {
            events = [.. _events.Where(e => e.Policy == policy && (e.Event.FactsKnown & e.Event.FactsHolding & consent) == consent).Select(e => e.Event)];
        }

        foreach (var e in events)
        {
            await Task.Yield();
            yield return e;
        }
    }
}
