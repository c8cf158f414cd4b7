namespace PolicyAsCode.EntityFrameworkCore;

/// <summary>Options of <see cref="EntityFrameworkPreferencesStore"/>.</summary>
public sealed class EntityFrameworkStoreOptions
{
    /// <summary>
    /// Whether the store creates its database (when missing) and its table (when missing) before its first read or
    /// write. True by default. Set it to false when the table is created by migrations or a DBA and the store's
    /// database user may not create anything; the store then never issues DDL.
    /// </summary>
    public bool CreateSchema { get; set; } = true;
}
