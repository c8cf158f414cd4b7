using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using PolicyAsCode.AspNetCore;

namespace PolicyAsCode.EntityFrameworkCore;

/// <summary>
/// Keeps users' preferences in one table through EF Core (SQLite, PostgreSQL). Every write is a single conditional
/// statement, so a save either replaces exactly the revision it names or changes nothing: an update is
/// <c>UPDATE ... WHERE policy = @p AND user_id = @u AND revision = @replaces</c>, and a first save is an INSERT whose
/// primary-key violation (another first save won) is reported as a conflict, never thrown. Safe as a singleton: each
/// call takes its own context from the factory.
/// </summary>
public sealed class EntityFrameworkPreferencesStore : IPreferencesStore
{
    private readonly IDbContextFactory<PreferencesDbContext> _contexts;
    private readonly TimeProvider _time;
    private readonly SchemaOnce _schema;

    /// <summary>Creates a store over the contexts <paramref name="contexts"/> makes (a pooled factory is best).</summary>
    /// <param name="contexts">Makes a context per call.</param>
    /// <param name="options">Whether to create the database and table when missing; by default it does.</param>
    /// <param name="time">The clock for <see cref="StoredPreferences.UpdatedAt"/>; the system clock by default.</param>
    public EntityFrameworkPreferencesStore(IDbContextFactory<PreferencesDbContext> contexts, EntityFrameworkStoreOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        _contexts = contexts;
        _time = time ?? TimeProvider.System;
        _schema = new SchemaOnce((options ?? new EntityFrameworkStoreOptions()).CreateSchema, CreateSchemaAsync);
    }

    /// <inheritdoc />
    public async ValueTask<StoredPreferences?> FindAsync(string policy, string userId, CancellationToken cancellationToken = default)
    {
        StorableText.CheckKey(policy, userId);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.Preferences.AsNoTracking()
            .Where(r => r.Policy == policy && r.UserId == userId)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row is null ? null : new StoredPreferences(row.Policy, row.UserId, row.Json, row.PolicyVersion, row.Revision, row.UpdatedAt);
    }

    /// <inheritdoc />
    public async ValueTask<PreferencesSave> SaveAsync(string policy, string userId, string json, string policyVersion, long replaces, CancellationToken cancellationToken = default)
    {
        StorableText.CheckKey(policy, userId);
        StorableText.Check(json, nameof(json));
        StorableText.Check(policyVersion, nameof(policyVersion));
        ArgumentOutOfRangeException.ThrowIfNegative(replaces);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);

        var saved = new StoredPreferences(policy, userId, json, policyVersion, replaces + 1, Now());
        var written = replaces == 0
            ? await InsertAsync(saved, cancellationToken).ConfigureAwait(false)
            : await UpdateAsync(saved, replaces, cancellationToken).ConfigureAwait(false);
        // On a conflict the record read here may already be newer than the one that stopped the write: it is the record
        // now stored, which is what the caller must merge with.
        return written ? new PreferencesSave(true, saved) : new PreferencesSave(false, await FindAsync(policy, userId, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async ValueTask<bool> DeleteAsync(string policy, string userId, CancellationToken cancellationToken = default)
    {
        StorableText.CheckKey(policy, userId);
        await _schema.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var deleted = await db.Preferences
            .Where(r => r.Policy == policy && r.UserId == userId)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        return deleted > 0;
    }

    private async Task<bool> InsertAsync(StoredPreferences record, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        db.Preferences.Add(new PreferencesRecord
        {
            Policy = record.Policy,
            UserId = record.UserId,
            Json = record.Json,
            PolicyVersion = record.PolicyVersion,
            Revision = record.Revision,
            UpdatedAt = record.UpdatedAt,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException e) when (DuplicateKey.Is(e))
        {
            return false;
        }
    }

    private async Task<bool> UpdateAsync(StoredPreferences record, long replaces, CancellationToken cancellationToken)
    {
        await using var db = await _contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var updated = await db.Preferences
            .Where(r => r.Policy == record.Policy && r.UserId == record.UserId && r.Revision == replaces)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(r => r.Json, record.Json)
                    .SetProperty(r => r.PolicyVersion, record.PolicyVersion)
                    .SetProperty(r => r.Revision, record.Revision)
                    .SetProperty(r => r.UpdatedAt, record.UpdatedAt),
                cancellationToken).ConfigureAwait(false);
        return updated == 1;
    }

    /// <summary>Now, to the microsecond: PostgreSQL keeps no finer time, and a saved record must equal the one read back.</summary>
    private DateTimeOffset Now()
    {
        var now = _time.GetUtcNow();
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % 10), TimeSpan.Zero);
    }

    private async Task CreateSchemaAsync()
    {
        await using var db = await _contexts.CreateDbContextAsync().ConfigureAwait(false);
        await PreferencesSchema.CreateAsync(db, CancellationToken.None).ConfigureAwait(false);
    }
}
