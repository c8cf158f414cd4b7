using System;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyAsCode;
using PolicyAsCode.AspNetCore;
using PolicyAsCode.EntityFrameworkCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Keeps users' preferences in a database through EF Core.</summary>
public static class EntityFrameworkStorePolicyBuilderExtensions
{
    /// <summary>
    /// Uses an <see cref="EntityFrameworkPreferencesStore"/> (a singleton, over a pooled
    /// <see cref="IDbContextFactory{TContext}"/> of <see cref="PreferencesDbContext"/>) as the <see cref="IPreferencesStore"/>,
    /// and an <see cref="EntityFrameworkFeedbackStore"/> in the same database as the <see cref="IFeedbackStore"/> (its
    /// tables are created only when feedback is first used), replacing any stores registered before. One store serves
    /// every policy; its rows are keyed by policy and user.
    /// </summary>
    /// <param name="policy">The policy builder.</param>
    /// <param name="configure">Chooses the provider and connection, for example <c>db =&gt; db.UseSqlite("Data Source=preferences.db")</c>.</param>
    /// <param name="store">Configures the store (for example, not to create its table).</param>
    public static PolicyBuilder<TPreferences> AddEntityFrameworkStore<TPreferences>(
        this PolicyBuilder<TPreferences> policy, Action<DbContextOptionsBuilder> configure, Action<EntityFrameworkStoreOptions>? store = null)
        where TPreferences : class, IUserTierPolicy<TPreferences>
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new EntityFrameworkStoreOptions();
        store?.Invoke(options);
        policy.Services.Replace(ServiceDescriptor.Singleton<IDbContextFactory<PreferencesDbContext>>(services =>
        {
            var builder = new DbContextOptionsBuilder<PreferencesDbContext>();
            // EF Core takes its logger factory from the application's services, without building a provider per host.
            builder.UseApplicationServiceProvider(services);
            configure(builder);
            return new PooledDbContextFactory<PreferencesDbContext>(builder.Options);
        }));
        policy.Services.Replace(ServiceDescriptor.Singleton<IPreferencesStore>(services => new EntityFrameworkPreferencesStore(
            services.GetRequiredService<IDbContextFactory<PreferencesDbContext>>(), options, services.GetService<TimeProvider>())));
        policy.Services.Replace(ServiceDescriptor.Singleton<IDbContextFactory<FeedbackDbContext>>(services =>
        {
            var builder = new DbContextOptionsBuilder<FeedbackDbContext>();
            builder.UseApplicationServiceProvider(services);
            configure(builder);
            return new PooledDbContextFactory<FeedbackDbContext>(builder.Options);
        }));
        policy.Services.Replace(ServiceDescriptor.Singleton<IFeedbackStore>(services => new EntityFrameworkFeedbackStore(
            services.GetRequiredService<IDbContextFactory<FeedbackDbContext>>(), options)));
        return policy;
    }

    /// <summary>Keeps users' preferences in a SQLite database, for example <c>"Data Source=preferences.db"</c>; the file, and its folder, are created on first use.</summary>
    /// <param name="policy">The policy builder.</param>
    /// <param name="connectionString">The SQLite connection string.</param>
    public static PolicyBuilder<TPreferences> AddSqliteStore<TPreferences>(this PolicyBuilder<TPreferences> policy, string connectionString)
        where TPreferences : class, IUserTierPolicy<TPreferences>
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return policy.AddEntityFrameworkStore(db => db.UseSqlite(connectionString));
    }

    /// <summary>
    /// Keeps users' preferences in PostgreSQL, for services that run several instances, for example
    /// <c>"Host=db;Database=app;Username=app;Password=..."</c>; the database and table are created on first use when missing.
    /// </summary>
    /// <param name="policy">The policy builder.</param>
    /// <param name="connectionString">The Npgsql connection string.</param>
    public static PolicyBuilder<TPreferences> AddPostgreSqlStore<TPreferences>(this PolicyBuilder<TPreferences> policy, string connectionString)
        where TPreferences : class, IUserTierPolicy<TPreferences>
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return policy.AddEntityFrameworkStore(db => db.UseNpgsql(connectionString));
    }
}
