using System.Threading;
using System.Threading.Tasks;

namespace PolicyAsCode.AspNetCore;

/// <summary>
/// Where users' preferences live. Writes are optimistic: each save names the revision it replaces, and a save
/// racing another save of the same user's record loses instead of overwriting it (no lost update).
/// </summary>
public interface IPreferencesStore
{
    /// <summary>The user's stored record for the policy, or null when they never saved one.</summary>
    ValueTask<StoredPreferences?> FindAsync(string policy, string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores <paramref name="json"/> as the user's preferences if the stored revision is <paramref name="replaces"/>
    /// (0: no record exists yet). The new record's revision is one more.
    /// </summary>
    ValueTask<PreferencesSave> SaveAsync(string policy, string userId, string json, string policyVersion, long replaces, CancellationToken cancellationToken = default);

    /// <summary>Deletes the user's record for the policy; false when there was none.</summary>
    ValueTask<bool> DeleteAsync(string policy, string userId, CancellationToken cancellationToken = default);
}
