using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyAsCode.AspNetCore;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.AspNetCore.Tests.Store;

/// <summary>
/// One database engine the store tests run against. A test class gets its own instance (a class fixture) and so its
/// own databases; every store is built the way an application builds it, through the policy builder's registration.
/// </summary>
public abstract class StoreBackend : IAsyncLifetime
{
    private readonly List<ServiceProvider> providers = [];
    private string? database;

    /// <summary>The EF Core provider the store must be running on.</summary>
    public abstract string ProviderName { get; }

    /// <summary>The class's shared database (created by the store on first use).</summary>
    public string Database => database ??= NewDatabaseName();

    /// <summary>A store over the class's shared database, as one service instance would hold it.</summary>
    public IPreferencesStore NewStore(TimeProvider? clock = null) => NewStore(Database, clock);

    /// <summary>A store over <paramref name="name"/>, registered with the convenience method (AddSqliteStore, AddPostgreSqlStore)
    /// or, when it must not create its schema, with AddEntityFrameworkStore.</summary>
    public IPreferencesStore NewStore(string name, TimeProvider? clock = null, bool createSchema = true)
    {
        var services = new ServiceCollection();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        var policy = services.AddPolicy<LearnerPreferences>();
        if (createSchema)
        {
            AddStore(policy, name);
        }
        else
        {
            policy.AddEntityFrameworkStore(db => Configure(db, name), store => store.CreateSchema = false);
        }

        var provider = services.BuildServiceProvider();
        lock (providers)
        {
            providers.Add(provider);
        }

        return provider.GetRequiredService<IPreferencesStore>();
    }

    /// <summary>The feedback store of the same registration over <paramref name="name"/> (the class's database when null).</summary>
    public IFeedbackStore NewFeedbackStore(string? name = null, bool createSchema = true)
    {
        var services = new ServiceCollection();
        var policy = services.AddPolicy<LearnerPreferences>();
        if (createSchema)
        {
            AddStore(policy, name ?? Database);
        }
        else
        {
            policy.AddEntityFrameworkStore(db => Configure(db, name ?? Database), store => store.CreateSchema = false);
        }

        var provider = services.BuildServiceProvider();
        lock (providers)
        {
            providers.Add(provider);
        }

        return provider.GetRequiredService<IFeedbackStore>();
    }

    /// <summary>A database name no test has used yet (the database does not exist).</summary>
    public abstract string NewDatabaseName();

    /// <summary>Creates <paramref name="name"/> holding one unrelated table, as an application's own database would.</summary>
    public abstract Task CreateDatabaseWithOtherTableAsync(string name);

    /// <summary>Whether <paramref name="name"/> exists.</summary>
    public abstract Task<bool> DatabaseExistsAsync(string name);

    /// <summary>The tables <paramref name="name"/> holds.</summary>
    public abstract Task<IReadOnlyList<string>> TablesAsync(string name);

    /// <summary>Registers the store over <paramref name="name"/> with the provider's convenience method.</summary>
    protected abstract void AddStore(PolicyBuilder<LearnerPreferences> policy, string name);

    /// <summary>Points <paramref name="db"/> at <paramref name="name"/>.</summary>
    protected abstract void Configure(DbContextOptionsBuilder db, string name);

    /// <inheritdoc />
    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public virtual async Task DisposeAsync()
    {
        foreach (var provider in providers)
        {
            await provider.DisposeAsync();
        }
    }
}
