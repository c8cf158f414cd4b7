using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using QuickStart.Policies;

namespace PolicyAsCode.AspNetCore.Tests.Store;

/// <summary>PostgreSQL: databases with random names on the run's server, dropped when the test class ends.</summary>
public sealed class PostgresBackend : StoreBackend
{
    private readonly ConcurrentBag<string> used = [];

    public override string ProviderName => "Npgsql.EntityFrameworkCore.PostgreSQL";

    public override string NewDatabaseName()
    {
        var name = "policyascode_store_" + Guid.NewGuid().ToString("N")[..16];
        used.Add(name);
        return name;
    }

    public override async Task CreateDatabaseWithOtherTableAsync(string name)
    {
        await ExecuteAsync(PostgresServer.AdminConnectionString, $"CREATE DATABASE \"{name}\"");
        await ExecuteAsync(ConnectionString(name), "CREATE TABLE orders (id integer PRIMARY KEY, item text NOT NULL)");
    }

    public override async Task<bool> DatabaseExistsAsync(string name)
    {
        await using var connection = new NpgsqlConnection(PostgresServer.AdminConnectionString);
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        query.Parameters.AddWithValue("name", name);
        return (long)(await query.ExecuteScalarAsync())! == 1;
    }

    public override async Task<IReadOnlyList<string>> TablesAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(name));
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", connection);
        var tables = new List<string>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    protected override void AddStore(PolicyBuilder<LearnerPreferences> policy, string name) => policy.AddPostgreSqlStore(ConnectionString(name));

    protected override void Configure(DbContextOptionsBuilder db, string name) => db.UseNpgsql(ConnectionString(name));

    private static string ConnectionString(string name) =>
        new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Database = name }.ConnectionString;

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async Task InitializeAsync()
    {
        // Reach the server before any test runs, so an absent PostgreSQL fails every test with the reason.
        await ExecuteAsync(PostgresServer.AdminConnectionString, "SELECT 1");
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        foreach (var name in used)
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(name)));
            await ExecuteAsync(PostgresServer.AdminConnectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }
}
