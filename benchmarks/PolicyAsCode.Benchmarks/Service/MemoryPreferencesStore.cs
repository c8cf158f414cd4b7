using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using PolicyAsCode.AspNetCore;

namespace PolicyAsCode.Benchmarks.Service;

/// <summary>
/// The store contract in memory, so that what is measured is the policy and not a database: a find is a dictionary
/// lookup, the same for both endpoints. Saves check the revision under a lock, as the contract asks.
/// </summary>
public sealed class MemoryPreferencesStore : IPreferencesStore
{
    private readonly ConcurrentDictionary<(string Policy, string User), StoredPreferences> _records = new();
    private readonly Lock _writes = new();

    /// <inheritdoc/>
    public ValueTask<StoredPreferences?> FindAsync(string policy, string userId, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(_records.TryGetValue((policy, userId), out var record) ? record : null);

    /// <inheritdoc/>
    public ValueTask<PreferencesSave> SaveAsync(string policy, string userId, string json, string policyVersion, long replaces, CancellationToken cancellationToken = default)
    {
        lock (_writes)
        {
            _records.TryGetValue((policy, userId), out var current);
            if ((current?.Revision ?? 0) != replaces)
            {
                return ValueTask.FromResult(new PreferencesSave(false, current));
            }

            var next = new StoredPreferences(policy, userId, json, policyVersion, replaces + 1, DateTimeOffset.UtcNow);
            _records[(policy, userId)] = next;
            return ValueTask.FromResult(new PreferencesSave(true, next));
        }
    }

    /// <inheritdoc/>
    public ValueTask<bool> DeleteAsync(string policy, string userId, CancellationToken cancellationToken = default)
    {
        lock (_writes)
        {
            return ValueTask.FromResult(_records.TryRemove((policy, userId), out _));
        }
    }
}
