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
/// Runs a store's CREATE ... IF NOT EXISTS statements on SQLite or PostgreSQL, creating the database first when
/// missing: the SQLite file's folder, the PostgreSQL database (tolerating another instance creating it at the same
/// moment), then the statements, on PostgreSQL under an advisory lock so concurrent creations never collide in the catalog.
/// </summary>
internal static class SchemaCreation
{
    public static async Task CreateAsync(DbContext db, string sqlite, string postgreSql, long lockKey, string tables, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            await CreateSqliteAsync(db, sqlite, cancellationToken).ConfigureAwait(false);
        }
        else if (db.Database.IsNpgsql())
        {
            await CreatePostgreSqlAsync(db, postgreSql, lockKey, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            throw new NotSupportedException(
                $"The store creates its tables only on SQLite and PostgreSQL, not on '{db.Database.ProviderName}'. " +
                $"Create {tables} yourself (docs/aspnetcore.md lists the columns) and set " +
                $"{nameof(EntityFrameworkStoreOptions)}.{nameof(EntityFrameworkStoreOptions.CreateSchema)} to false.");
        }
    }

    private static async Task CreateSqliteAsync(DbContext db, string sql, CancellationToken cancellationToken)
    {
        // SQLite creates the file on first open, but not the folder it goes in.
        var connection = new SqliteConnectionStringBuilder(db.Database.GetDbConnection().ConnectionString);
        var file = FilePath(connection);
        if (file is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        }

        await db.Database.ExecuteSqlRawAsync(sql, cancellationToken).ConfigureAwait(false);
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

    private static async Task CreatePostgreSqlAsync(DbContext db, string sql, long lockKey, CancellationToken cancellationToken)
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
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({lockKey})", cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync(sql, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
