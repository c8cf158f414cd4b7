using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PolicyAsCode.AspNetCore.Tests.Store;

/// <summary>
/// Saves racing each other, as several service instances (each its own store and connection pool) would race: the
/// store must let exactly one of the saves naming a revision win and lose no update. The assertions hold whatever the
/// interleaving; the gate only makes the saves start together so that they overlap as much as they can.
/// </summary>
public abstract class PreferencesStoreRaceTests<TBackend>(TBackend backend) : IClassFixture<TBackend>
    where TBackend : StoreBackend
{
    private const string Policy = "LearnerPreferences";
    private const int Instances = 8;

    [Fact]
    public async Task Concurrent_first_saves_of_one_user_leave_exactly_one_winner()
    {
        var stores = Enumerable.Range(0, Instances).Select(_ => backend.NewStore()).ToArray();
        for (var round = 0; round < 5; round++)
        {
            var user = "racer-" + Guid.NewGuid().ToString("N")[..12];

            var saves = await Together(stores, (store, i) => store.SaveAsync(Policy, user, $$"""{"writer":{{i}}}""", "v1", replaces: 0).AsTask());

            var winner = Assert.Single(saves, s => s.Saved);
            var stored = await stores[0].FindAsync(Policy, user);
            Assert.Equal(winner.Current, stored);
            Assert.Equal(1, stored!.Revision);
            Assert.All(saves.Where(s => !s.Saved), lost => Assert.Equal(stored, lost.Current));
        }
    }

    [Fact]
    public async Task Concurrent_updates_from_one_revision_leave_exactly_one_winner()
    {
        var stores = Enumerable.Range(0, Instances).Select(_ => backend.NewStore()).ToArray();
        for (var round = 0; round < 5; round++)
        {
            var user = "racer-" + Guid.NewGuid().ToString("N")[..12];
            await stores[0].SaveAsync(Policy, user, """{"writer":"seed"}""", "v1", 0);

            var saves = await Together(stores, (store, i) => store.SaveAsync(Policy, user, $$"""{"writer":{{i}}}""", "v2", replaces: 1).AsTask());

            var winner = Assert.Single(saves, s => s.Saved);
            var stored = await stores[0].FindAsync(Policy, user);
            Assert.Equal(winner.Current, stored);
            Assert.Equal(2, stored!.Revision);
            Assert.All(saves.Where(s => !s.Saved), lost => Assert.Equal(stored, lost.Current));
        }
    }

    [Fact]
    public async Task Concurrent_read_modify_write_loops_lose_no_update()
    {
        const int workers = 4;
        const int increments = 10;
        var stores = Enumerable.Range(0, workers).Select(_ => backend.NewStore()).ToArray();
        var user = "counter-" + Guid.NewGuid().ToString("N")[..12];
        await stores[0].SaveAsync(Policy, user, """{"count":0}""", "v1", 0);

        // Each worker adds one to the count, then again, each time from the record it last saw: its own write, or the
        // newer record a lost save returned. A lost update would leave the count below the number of successful saves.
        var done = await Together(stores, async (store, _) =>
        {
            var current = (await store.FindAsync(Policy, user))!;
            for (var saved = 0; saved < increments;)
            {
                var save = await store.SaveAsync(Policy, user, $$"""{"count":{{Count(current) + 1}}}""", "v1", current.Revision);
                current = save.Current!;
                saved += save.Saved ? 1 : 0;
            }

            return increments;
        });

        var stored = await stores[0].FindAsync(Policy, user);
        Assert.Equal(workers * increments, done.Sum());
        Assert.Equal(workers * increments, Count(stored!));
        Assert.Equal(1 + (workers * increments), stored!.Revision);
    }

    private static int Count(StoredPreferences record)
    {
        using var document = JsonDocument.Parse(record.Json);
        return document.RootElement.GetProperty("count").GetInt32();
    }

    /// <summary>Starts one call per store on the thread pool, releases them at once, and waits for all.</summary>
    private static async Task<T[]> Together<T>(IPreferencesStore[] stores, Func<IPreferencesStore, int, Task<T>> call)
    {
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = stores.Select((store, i) => Task.Run(async () =>
        {
            await go.Task;
            return await call(store, i);
        })).ToArray();
        go.SetResult();
        return await Task.WhenAll(calls);
    }
}
