using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PolicyAsCode.EntityFrameworkCore;
using QuickStart.Policies;
using Xunit;

namespace PolicyAsCode.AspNetCore.Tests.Store;

/// <summary>How the policy builder registers the store: one singleton, on the provider asked for, the last registration winning.</summary>
public sealed class StoreRegistrationTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "policyascode-registration-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public void AddSqliteStore_registers_one_singleton_store_on_SQLite()
    {
        var services = new ServiceCollection();
        services.AddPolicy<LearnerPreferences>().AddSqliteStore($"Data Source={Path.Combine(folder, "a.db")}");
        using var provider = services.BuildServiceProvider();

        var store = provider.GetRequiredService<IPreferencesStore>();

        Assert.Equal(ServiceLifetime.Singleton, Assert.Single(services, d => d.ServiceType == typeof(IPreferencesStore)).Lifetime);
        Assert.IsType<EntityFrameworkPreferencesStore>(store);
        Assert.Same(store, provider.CreateScope().ServiceProvider.GetRequiredService<IPreferencesStore>());
        using var db = provider.GetRequiredService<IDbContextFactory<PreferencesDbContext>>().CreateDbContext();
        Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
    }

    [Fact]
    public void AddPostgreSqlStore_registers_the_store_on_Npgsql()
    {
        var services = new ServiceCollection();
        services.AddPolicy<LearnerPreferences>().AddPostgreSqlStore("Host=127.0.0.1;Database=app;Username=app");
        using var provider = services.BuildServiceProvider();

        using var db = provider.GetRequiredService<IDbContextFactory<PreferencesDbContext>>().CreateDbContext();

        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
        Assert.Equal("app", db.Database.GetDbConnection().Database);
    }

    [Fact]
    public async Task A_later_store_registration_replaces_an_earlier_one()
    {
        var services = new ServiceCollection();
        services.AddPolicy<LearnerPreferences>()
            .AddPostgreSqlStore("Host=127.0.0.1;Database=never;Username=app")
            .AddSqliteStore($"Data Source={Path.Combine(folder, "b.db")}");
        await using var provider = services.BuildServiceProvider();

        // The PostgreSQL registration would fail here: nothing listens for it.
        var save = await provider.GetRequiredService<IPreferencesStore>().SaveAsync("P", "u", "{}", "v1", 0);

        Assert.True(save.Saved);
        Assert.Single(services, d => d.ServiceType == typeof(IPreferencesStore));
        Assert.True(File.Exists(Path.Combine(folder, "b.db")));
    }

    [Fact]
    public async Task Many_hosts_with_logging_share_EF_Cores_internal_services()
    {
        // Test servers and multi-tenant hosts build many service providers, each with its own logger factory. EF Core
        // throws once it builds more than twenty internal service providers, so the store must not make one per host.
        for (var host = 0; host < 30; host++)
        {
            var services = new ServiceCollection().AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            services.AddPolicy<LearnerPreferences>().AddSqliteStore($"Data Source={Path.Combine(folder, "hosts.db")}");
            await using var provider = services.BuildServiceProvider();

            var save = await provider.GetRequiredService<IPreferencesStore>().SaveAsync("P", $"user-{host}", "{}", "v1", 0);

            Assert.True(save.Saved);
        }
    }

    [Fact]
    public void Registration_refuses_missing_arguments()
    {
        var policy = new ServiceCollection().AddPolicy<LearnerPreferences>();

        Assert.Throws<ArgumentException>(() => policy.AddSqliteStore(""));
        Assert.Throws<ArgumentException>(() => policy.AddPostgreSqlStore(""));
        Assert.Throws<ArgumentNullException>(() => policy.AddEntityFrameworkStore(null!));
        Assert.DoesNotContain(policy.Services, d => d.ServiceType == typeof(IPreferencesStore));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
