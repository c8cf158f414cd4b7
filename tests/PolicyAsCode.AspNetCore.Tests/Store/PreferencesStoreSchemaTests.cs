using System.Data.Common;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace PolicyAsCode.AspNetCore.Tests.Store;

/// <summary>
/// First run: the store creates its database and table when they are missing, including in a database that already
/// holds other tables, idempotently, and when several instances start at once; told not to, it creates nothing.
/// </summary>
public abstract class PreferencesStoreSchemaTests<TBackend>(TBackend backend) : IClassFixture<TBackend>
    where TBackend : StoreBackend
{
    private const string Policy = "LearnerPreferences";
    private const string Table = "policy_preferences";

    [Fact]
    public async Task The_database_and_table_are_created_on_first_use()
    {
        var name = backend.NewDatabaseName();
        Assert.False(await backend.DatabaseExistsAsync(name));
        var store = backend.NewStore(name);

        Assert.Null(await store.FindAsync(Policy, "first"));

        Assert.True(await backend.DatabaseExistsAsync(name));
        Assert.Equal([Table], await backend.TablesAsync(name));
        Assert.True((await store.SaveAsync(Policy, "first", "{}", "v1", 0)).Saved);
    }

    [Fact]
    public async Task The_table_is_created_in_an_existing_database_that_holds_other_tables()
    {
        var name = backend.NewDatabaseName();
        await backend.CreateDatabaseWithOtherTableAsync(name);
        Assert.Equal(["orders"], await backend.TablesAsync(name));

        var save = await backend.NewStore(name).SaveAsync(Policy, "someone", """{"maturity":"Teen"}""", "v1", 0);

        Assert.True(save.Saved);
        Assert.Equal(["orders", Table], await backend.TablesAsync(name));
    }

    [Fact]
    public async Task A_restarted_instance_keeps_the_table_and_its_records()
    {
        var name = backend.NewDatabaseName();
        var saved = (await backend.NewStore(name).SaveAsync(Policy, "someone", """{"maturity":"Teen"}""", "v1", 0)).Current;

        var restarted = backend.NewStore(name);

        Assert.Equal(saved, await restarted.FindAsync(Policy, "someone"));
        Assert.True((await restarted.SaveAsync(Policy, "someone", """{"maturity":"Child"}""", "v1", 1)).Saved);
        Assert.Equal([Table], await backend.TablesAsync(name));
    }

    [Fact]
    public async Task Instances_starting_at_once_on_a_missing_database_all_succeed()
    {
        var name = backend.NewDatabaseName();
        var stores = Enumerable.Range(0, 6).Select(_ => backend.NewStore(name)).ToArray();
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var saves = stores.Select((store, i) => Task.Run(async () =>
        {
            await go.Task;
            return await store.SaveAsync(Policy, $"user-{i}", $$"""{"instance":{{i}}}""", "v1", 0);
        })).ToArray();
        go.SetResult();

        Assert.All(await Task.WhenAll(saves), save => Assert.True(save.Saved));
        var reader = backend.NewStore(name);
        for (var i = 0; i < stores.Length; i++)
        {
            Assert.Equal($$"""{"instance":{{i}}}""", (await reader.FindAsync(Policy, $"user-{i}"))!.Json);
        }

        Assert.Equal([Table], await backend.TablesAsync(name));
    }

    [Fact]
    public async Task A_store_told_not_to_create_its_schema_creates_nothing()
    {
        var name = backend.NewDatabaseName();
        await backend.CreateDatabaseWithOtherTableAsync(name);
        var store = backend.NewStore(name, createSchema: false);

        // Fails closed: the missing table is the database's error, not an empty answer.
        await Assert.ThrowsAnyAsync<DbException>(async () => await store.FindAsync(Policy, "someone"));
        var save = await Assert.ThrowsAsync<DbUpdateException>(async () => await store.SaveAsync(Policy, "someone", "{}", "v1", 0));
        Assert.IsAssignableFrom<DbException>(save.InnerException);

        Assert.Equal(["orders"], await backend.TablesAsync(name));
    }
}
