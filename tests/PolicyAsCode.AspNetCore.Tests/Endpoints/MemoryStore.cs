using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace PolicyAsCode.AspNetCore.Tests.Endpoints;

// A test double of the store contract, so the endpoint tests see exactly what was written (the EF Core store has
// its own tests, against SQLite and PostgreSQL). Revision checks are atomic, as the contract asks.
internal sealed class MemoryStore : IPreferencesStore
{
    private readonly ConcurrentDictionary<(string, string), StoredPreferences> _records = new();

    public int Saves;

    public int Finds;

    public StoredPreferences? this[string policy, string user] => _records.TryGetValue((policy, user), out var record) ? record : null;

    public ValueTask<StoredPreferences?> FindAsync(string policy, string userId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref Finds);
        return ValueTask.FromResult(this[policy, userId]);
    }

    public ValueTask<PreferencesSave> SaveAsync(string policy, string userId, string json, string policyVersion, long replaces, CancellationToken cancellationToken = default)
    {
        var key = (policy, userId);
        var next = new StoredPreferences(policy, userId, json, policyVersion, replaces + 1, DateTimeOffset.UtcNow);
        lock (_records)
        {
            var current = this[policy, userId];
            if ((current?.Revision ?? 0) != replaces)
            {
                return ValueTask.FromResult(new PreferencesSave(false, current));
            }

            _records[key] = next;
            Interlocked.Increment(ref Saves);
            return ValueTask.FromResult(new PreferencesSave(true, next));
        }
    }

    public ValueTask<bool> DeleteAsync(string policy, string userId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_records.TryRemove((policy, userId), out _));

    public void Put(StoredPreferences record) => _records[(record.Policy, record.UserId)] = record;
}
