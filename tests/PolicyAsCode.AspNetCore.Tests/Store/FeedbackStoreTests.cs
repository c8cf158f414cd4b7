using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PolicyAsCode.Learning;
using Xunit;

namespace PolicyAsCode.AspNetCore.Tests.Store;

/// <summary>
/// The feedback store's contract on every engine (SqliteFeedbackStoreTests, PostgresFeedbackStoreTests): events and
/// undos read back exactly, each user sees only their own, the history is ordered and bounded, the consented read
/// returns only events given with consent, and the tables are created on first use and not before.
/// </summary>
public abstract class FeedbackStoreTests<TBackend>(TBackend backend) : IClassFixture<TBackend>
    where TBackend : StoreBackend
{
    private const string Policy = "LearnerPreferences";
    private const Fact Consent = (Fact)(1 << 6);
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static string NewUser() => "user-" + Guid.NewGuid().ToString("N")[..12];

    private static FeedbackEvent Event(string user, int minutes, string label = "too long", Fact known = Fact.None, Fact holding = Fact.None, string? reason = null) =>
        new("fb-" + Guid.NewGuid().ToString("N"), user, Start.AddMinutes(minutes),
            [new DimensionNudge("Verbosity", FeedbackDirection.Lower, label)], -1, reason, "decision-" + minutes, "v1", "EU", known, holding);

    [Fact]
    public async Task A_user_without_feedback_has_an_empty_history()
    {
        var history = await backend.NewFeedbackStore().HistoryAsync(Policy, NewUser());

        Assert.Empty(history.Events);
        Assert.Empty(history.Resets);
    }

    [Fact]
    public async Task An_event_reads_back_exactly_as_appended()
    {
        var store = backend.NewFeedbackStore();
        var user = NewUser();
        // Ticks below the microsecond are dropped by the store, as PostgreSQL would drop them.
        var given = new FeedbackEvent("fb-exact-" + user, user, Start.AddTicks(1_234_567),
            [new DimensionNudge("Verbosity", FeedbackDirection.Lower, "too long"), new DimensionNudge("Creativity", FeedbackDirection.Higher)],
            Rating: 1, Reason: "ünïcödé 🙂 reason", DecisionId: "0196-decision", PolicyVersion: "abc123/2", Jurisdiction: "DE",
            FactsKnown: Fact.Minor | Consent, FactsHolding: Consent);

        await store.AppendAsync(Policy, given);
        var read = Assert.Single((await store.HistoryAsync(Policy, user)).Events);

        Assert.Equal(given.Nudges, read.Nudges);
        Assert.Equal(given with { At = Start.AddTicks(1_234_560), Nudges = read.Nudges }, read);
        Assert.Equal(TimeSpan.Zero, read.At.Offset);
    }

    [Fact]
    public async Task The_history_is_oldest_first_and_holds_only_the_users_own_events_and_undos()
    {
        var store = backend.NewFeedbackStore();
        var user = NewUser();
        var other = NewUser();
        var late = Event(user, 30);
        var early = Event(user, 10);
        await store.AppendAsync(Policy, late);
        await store.AppendAsync(Policy, Event(other, 20));
        await store.AppendAsync(Policy, early);
        await store.AppendAsync("AnotherPolicy", Event(user, 15));
        await store.ResetAsync(Policy, user, new LearningReset("Verbosity", Start.AddMinutes(40)));
        await store.ResetAsync(Policy, user, new LearningReset("Tone", Start.AddMinutes(35)));
        await store.ResetAsync(Policy, other, new LearningReset("Verbosity", Start.AddMinutes(50)));

        var history = await store.HistoryAsync(Policy, user);

        Assert.Equal([early.Id, late.Id], history.Events.Select(e => e.Id));
        Assert.Equal([new LearningReset("Tone", Start.AddMinutes(35)), new LearningReset("Verbosity", Start.AddMinutes(40))], history.Resets);
    }

    [Fact]
    public async Task The_history_keeps_the_most_recent_events_up_to_the_limit()
    {
        var store = backend.NewFeedbackStore();
        var user = NewUser();
        for (var i = 0; i < IFeedbackStore.HistoryLimit + 5; i++)
        {
            await store.AppendAsync(Policy, Event(user, i) with { Id = $"fb-{user}-{i:D5}" });
        }

        var events = (await store.HistoryAsync(Policy, user)).Events;

        Assert.Equal(IFeedbackStore.HistoryLimit, events.Count);
        Assert.Equal($"fb-{user}-00005", events[0].Id);
        Assert.Equal($"fb-{user}-{IFeedbackStore.HistoryLimit + 4:D5}", events[^1].Id);
    }

    [Fact]
    public async Task An_event_id_is_stored_once()
    {
        var store = backend.NewFeedbackStore();
        var user = NewUser();
        var given = Event(user, 1);
        await store.AppendAsync(Policy, given);

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.AppendAsync(Policy, given with { Rating = 1 }));

        Assert.Equal(-1, Assert.Single((await store.HistoryAsync(Policy, user)).Events).Rating);
    }

    [Fact]
    public async Task The_consented_read_returns_only_events_given_where_consent_was_known_to_hold()
    {
        var name = backend.NewDatabaseName();
        var store = backend.NewFeedbackStore(name);
        var user = NewUser();
        var consented = Event(user, 1, known: Consent, holding: Consent, reason: "kept");
        var refused = Event(user, 2, known: Consent, holding: Fact.None);
        var unknown = Event(user, 3);
        var otherFact = Event(user, 4, known: Fact.Minor | Fact.ConsentsToMemory, holding: Fact.Minor | Fact.ConsentsToMemory);
        var laterConsented = Event(NewUser(), 5, known: Consent | Fact.Minor, holding: Consent);
        foreach (var e in new[] { laterConsented, refused, consented, unknown, otherFact })
        {
            await store.AppendAsync(Policy, e);
        }

        var exported = new List<FeedbackEvent>();
        await foreach (var e in store.ConsentedAsync(Policy, Consent))
        {
            exported.Add(e);
        }

        Assert.Equal([consented.Id, laterConsented.Id], exported.Select(e => e.Id));
        Assert.Equal("kept", exported[0].Reason);
        await Assert.ThrowsAsync<ArgumentException>(async () =>
        {
            await foreach (var _ in store.ConsentedAsync(Policy, Fact.None))
            {
            }
        });
    }

    [Fact]
    public async Task Text_no_database_keeps_exactly_is_refused()
    {
        var store = backend.NewFeedbackStore();
        var user = NewUser();

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.AppendAsync(Policy, Event(user, 1, reason: "nul\0inside")));
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.AppendAsync(Policy, Event(user, 1, label: "lone \ud800")));

        Assert.Empty((await store.HistoryAsync(Policy, user)).Events);
    }

    [Fact]
    public async Task The_feedback_tables_are_created_on_first_use_and_never_by_the_preferences_store()
    {
        var name = backend.NewDatabaseName();
        await backend.NewStore(name).SaveAsync(Policy, "someone", "{}", "v1", 0);
        Assert.Equal(["policy_preferences"], await backend.TablesAsync(name));

        var user = NewUser();
        await backend.NewFeedbackStore(name).AppendAsync(Policy, Event(user, 1));

        Assert.Equal(["policy_feedback", "policy_learning_resets", "policy_preferences"], await backend.TablesAsync(name));
        Assert.Single((await backend.NewFeedbackStore(name).HistoryAsync(Policy, user)).Events);
    }

    [Fact]
    public async Task Told_not_to_create_its_schema_the_store_creates_nothing()
    {
        var name = backend.NewDatabaseName();
        await backend.CreateDatabaseWithOtherTableAsync(name);

        await Assert.ThrowsAnyAsync<Exception>(async () => await backend.NewFeedbackStore(name, createSchema: false).HistoryAsync(Policy, "someone"));

        Assert.Equal(["orders"], await backend.TablesAsync(name));
    }
}
