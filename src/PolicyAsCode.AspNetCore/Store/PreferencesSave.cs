namespace PolicyAsCode.AspNetCore;

/// <summary>The outcome of <see cref="IPreferencesStore.SaveAsync"/>.</summary>
/// <param name="Saved">Whether the record was written; false when the stored revision was not the one the save replaces.</param>
/// <param name="Current">The record now stored: the one just written, or (on a conflict) the newer one that stopped the write; null when a conflict found no record.</param>
public readonly record struct PreferencesSave(bool Saved, StoredPreferences? Current);
