using System;

namespace PolicyAsCode.EntityFrameworkCore;

/// <summary>
/// One row of the preferences table: a user's preferences document for one policy. The store hands out
/// <see cref="AspNetCore.StoredPreferences"/>; this type exists for the EF Core model (and for queries or migrations
/// an application writes against <see cref="PreferencesDbContext"/>).
/// </summary>
public sealed class PreferencesRecord
{
    /// <summary>The policy's name; with <see cref="UserId"/> the row's key.</summary>
    public string Policy { get; set; } = "";

    /// <summary>The user the row belongs to; with <see cref="Policy"/> the row's key.</summary>
    public string UserId { get; set; } = "";

    /// <summary>The preferences document exactly as saved (text, not a JSON column type, so it reads back byte for byte).</summary>
    public string Json { get; set; } = "";

    /// <summary>The policy version in force when the document was saved.</summary>
    public string PolicyVersion { get; set; } = "";

    /// <summary>1 on the first save, one more on each save after; the concurrency token every write checks.</summary>
    public long Revision { get; set; }

    /// <summary>When the row was last written (UTC, to the microsecond).</summary>
    public DateTimeOffset UpdatedAt { get; set; }
}
