using Microsoft.EntityFrameworkCore;

namespace PolicyAsCode.EntityFrameworkCore;

/// <summary>
/// The EF Core model of the preferences store: one table, <c>policy_preferences</c>, keyed by policy and user.
/// Column names are lower-case with underscores so they need no quoting in PostgreSQL.
/// </summary>
/// <param name="options">The provider and connection (SQLite, PostgreSQL, ...).</param>
public sealed class PreferencesDbContext(DbContextOptions<PreferencesDbContext> options) : DbContext(options)
{
    /// <summary>The table's name.</summary>
    public const string TableName = "policy_preferences";

    /// <summary>Every user's preferences, for every policy.</summary>
    public DbSet<PreferencesRecord> Preferences => Set<PreferencesRecord>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        System.ArgumentNullException.ThrowIfNull(modelBuilder);
        var record = modelBuilder.Entity<PreferencesRecord>();
        record.ToTable(TableName);
        record.HasKey(r => new { r.Policy, r.UserId });
        record.Property(r => r.Policy).HasColumnName("policy");
        record.Property(r => r.UserId).HasColumnName("user_id");
        record.Property(r => r.Json).HasColumnName("json");
        record.Property(r => r.PolicyVersion).HasColumnName("policy_version");
        // Every write goes through a conditional UPDATE on the revision; marking it a concurrency token makes tracked
        // updates an application writes itself check it too.
        record.Property(r => r.Revision).HasColumnName("revision").IsConcurrencyToken();
        record.Property(r => r.UpdatedAt).HasColumnName("updated_at");
    }
}
