using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace PolicyAsCode.EntityFrameworkCore;

/// <summary>
/// Creates the store's database and table when they are missing, idempotently and safely when several instances start
/// at once. Not EnsureCreated: that creates nothing in a database that already holds any table (an application's own
/// database, say), and two instances calling it at once race. Here the table is created with CREATE TABLE IF NOT EXISTS,
/// which works in a database that exists without the table; on PostgreSQL under an advisory lock, because two
/// concurrent IF NOT EXISTS creations of one table can still collide in the catalog.
/// </summary>
internal static class PreferencesSchema
{
    // The columns match PreferencesDbContext's model as each provider maps it (string, long, DateTimeOffset).
    private const string SqliteTable = """
        CREATE TABLE IF NOT EXISTS policy_preferences (
            policy TEXT NOT NULL,
            user_id TEXT NOT NULL,
            json TEXT NOT NULL,
            policy_version TEXT NOT NULL,
            revision INTEGER NOT NULL,
            updated_at TEXT NOT NULL,
            CONSTRAINT pk_policy_preferences PRIMARY KEY (policy, user_id)
        )
        """;

    private const string PostgreSqlTable = """
        CREATE TABLE IF NOT EXISTS policy_preferences (
            policy text NOT NULL,
            user_id text NOT NULL,
            json text NOT NULL,
            policy_version text NOT NULL,
            revision bigint NOT NULL,
            updated_at timestamp with time zone NOT NULL,
            CONSTRAINT pk_policy_preferences PRIMARY KEY (policy, user_id)
        )
        """;

    // pg_advisory_xact_lock's key: any constant no other code is likely to use ("policy_preferences" folded to 64 bits).
    private const long PostgreSqlLockKey = 0x706F6C6963795F70;

    public static async Task CreateAsync(PreferencesDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await CreateSqliteAsync(db, cancellationToken).ConfigureAwait(false);
        }
        else if (db.Database.IsNpgsql())
        {
            await CreatePostgreSqlAsync(db, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            throw new NotSupportedException(
                $"The preferences store creates its table only on SQLite and PostgreSQL, not on '{db.Database.ProviderName}'. " +
                $"Create the table '{PreferencesDbContext.TableName}' yourself (docs/aspnetcore.md lists its columns) and set " +
                $"{nameof(EntityFrameworkStoreOptions)}.{nameof(EntityFrameworkStoreOptions.CreateSchema)} to false.");
        }
    }

    private static async Task CreateSqliteAsync(PreferencesDbContext db, CancellationToken cancellationToken)
    {
        // SQLite creates the file on first open, but not the folder it goes in.
        var connection = new SqliteConnectionStringBuilder(db.Database.GetDbConnection().ConnectionString);
        var file = FilePath(connection);
        if (file is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        }

        await db.Database.ExecuteSqlRawAsync(SqliteTable, cancellationToken).ConfigureAwait(false);
        if (file is not null)
        {
            // Write-ahead logging lets requests read while another writes; the mode is stored in the file, so once is enough.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The database file, or null for an in-memory or URI data source (nothing to prepare on disk).</summary>
    private static string? FilePath(SqliteConnectionStringBuilder connection)
    {
        var source = connection.DataSource;
        if (connection.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(source) || source == ":memory:"
            || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || source.Contains('|', StringComparison.Ordinal))
        {
            return null;
        }

        return source;
    }

    private static async Task CreatePostgreSqlAsync(PreferencesDbContext db, CancellationToken cancellationToken)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await creator.CreateAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
            {
                // Another instance created it between our check and our CREATE DATABASE: what we wanted.
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({PostgreSqlLockKey})", cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync(PostgreSqlTable, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
