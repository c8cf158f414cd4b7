using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuickStart.Policies;

namespace PolicyAsCode.AspNetCore.Tests.Store;

/// <summary>SQLite: each database is a file in a folder of its own (not created beforehand) under a temporary folder per test class.</summary>
public sealed class SqliteBackend : StoreBackend
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "policyascode-store-" + Guid.NewGuid().ToString("N")[..12]);

    public override string ProviderName => "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>The file <paramref name="name"/> lives in.</summary>
    public string FileOf(string name) => Path.Combine(root, name, "preferences.db");

    public override string NewDatabaseName() => "db-" + Guid.NewGuid().ToString("N")[..12];

    public override async Task CreateDatabaseWithOtherTableAsync(string name)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FileOf(name))!);
        await using var connection = new SqliteConnection(ConnectionString(name));
        await connection.OpenAsync();
        await using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT NOT NULL)";
        await create.ExecuteNonQueryAsync();
    }

    public override Task<bool> DatabaseExistsAsync(string name) => Task.FromResult(File.Exists(FileOf(name)));

    public override async Task<IReadOnlyList<string>> TablesAsync(string name)
    {
        await using var connection = new SqliteConnection(ConnectionString(name) + ";Mode=ReadOnly");
        await connection.OpenAsync();
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
        var tables = new List<string>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    protected override void AddStore(PolicyBuilder<LearnerPreferences> policy, string name) => policy.AddSqliteStore(ConnectionString(name));

    protected override void Configure(DbContextOptionsBuilder db, string name) => db.UseSqlite(ConnectionString(name));

    private string ConnectionString(string name) => $"Data Source={FileOf(name)}";

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        // Pooled connections keep the files open; close them before removing the folder.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
