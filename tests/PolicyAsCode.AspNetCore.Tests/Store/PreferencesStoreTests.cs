using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace PolicyAsCode.AspNetCore.Tests.Store;

/// <summary>
/// The store's contract, run against every engine (SqlitePreferencesStoreTests, PostgresPreferencesStoreTests): reads,
/// optimistic writes, isolation and exact round trips. Races and first-run creation are in
/// <see cref="PreferencesStoreRaceTests{TBackend}"/> and <see cref="PreferencesStoreSchemaTests{TBackend}"/>.
/// Each test uses users of its own, so tests of one class share the class's database without meeting.
/// </summary>
public abstract class PreferencesStoreTests<TBackend>(TBackend backend) : IClassFixture<TBackend>
    where TBackend : StoreBackend
{
    private const string Policy = "LearnerPreferences";

    protected TBackend Backend { get; } = backend;

    protected static string NewUser() => "user-" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task A_user_who_never_saved_has_no_record()
    {
        var store = Backend.NewStore();

        Assert.Null(await store.FindAsync(Policy, NewUser()));
    }

    [Fact]
    public async Task A_first_save_writes_revision_1_and_reads_back_as_written()
    {
        // Ticks below the microsecond: PostgreSQL drops them, so the store must too, or the saved and read records differ.
        var clock = new SteppingClock(new DateTimeOffset(2026, 5, 20, 10, 11, 12, TimeSpan.Zero).AddTicks(1_234_567));
        var store = Backend.NewStore(clock);
        var user = NewUser();

        var save = await store.SaveAsync(Policy, user, """{"maturity":"Teen"}""", "v1", replaces: 0);

        Assert.True(save.Saved);
        var expected = new StoredPreferences(Policy, user, """{"maturity":"Teen"}""", "v1", 1,
            new DateTimeOffset(2026, 5, 20, 10, 11, 12, TimeSpan.Zero).AddTicks(1_234_560));
        Assert.Equal(expected, save.Current);
        Assert.Equal(expected, await store.FindAsync(Policy, user));
        Assert.Equal(TimeSpan.Zero, (await store.FindAsync(Policy, user))!.UpdatedAt.Offset);
    }

    [Fact]
    public async Task A_save_naming_the_stored_revision_writes_the_next_one()
    {
        var clock = new SteppingClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var store = Backend.NewStore(clock);
        var user = NewUser();
        await store.SaveAsync(Policy, user, """{"maturity":"Child"}""", "v1", 0);

        var second = await store.SaveAsync(Policy, user, """{"maturity":"Teen"}""", "v2", replaces: 1);
        var third = await store.SaveAsync(Policy, user, """{"maturity":"Mature"}""", "v3", replaces: 2);

        Assert.True(second.Saved);
        Assert.True(third.Saved);
        var stored = await store.FindAsync(Policy, user);
        Assert.Equal(new StoredPreferences(Policy, user, """{"maturity":"Mature"}""", "v3", 3, new DateTimeOffset(2026, 1, 1, 0, 0, 2, TimeSpan.Zero)), stored);
        Assert.Equal(stored, third.Current);
    }

    [Theory]
    [InlineData(0)] // a first save, but a record exists
    [InlineData(1)] // a stale revision
    [InlineData(3)] // a revision that was never stored
    public async Task A_save_naming_another_revision_loses_and_returns_the_current_record(long replaces)
    {
        var store = Backend.NewStore();
        var user = NewUser();
        await store.SaveAsync(Policy, user, """{"maturity":"Child"}""", "v1", 0);
        var current = (await store.SaveAsync(Policy, user, """{"maturity":"Teen"}""", "v1", 1)).Current;

        var stale = await store.SaveAsync(Policy, user, """{"maturity":"Mature"}""", "v2", replaces);

        Assert.False(stale.Saved);
        Assert.Equal(current, stale.Current);
        Assert.Equal(current, await store.FindAsync(Policy, user));
        Assert.Equal(2, current!.Revision);
    }

    [Fact]
    public async Task An_update_of_a_record_that_does_not_exist_loses_with_no_record()
    {
        var store = Backend.NewStore();
        var user = NewUser();

        var save = await store.SaveAsync(Policy, user, "{}", "v1", replaces: 4);

        Assert.Equal(new PreferencesSave(false, null), save);
        Assert.Null(await store.FindAsync(Policy, user));
    }

    [Fact]
    public async Task Delete_removes_the_record_and_says_whether_there_was_one()
    {
        var store = Backend.NewStore();
        var user = NewUser();
        await store.SaveAsync(Policy, user, """{"maturity":"Teen"}""", "v1", 0);
        await store.SaveAsync(Policy, user, """{"maturity":"Child"}""", "v1", 1);

        Assert.True(await store.DeleteAsync(Policy, user));
        Assert.Null(await store.FindAsync(Policy, user));
        Assert.False(await store.DeleteAsync(Policy, user));

        // A save from before the delete finds no record to replace; saving afresh starts again at revision 1.
        Assert.Equal(new PreferencesSave(false, null), await store.SaveAsync(Policy, user, "{}", "v1", 2));
        var again = await store.SaveAsync(Policy, user, """{"verbosity":3}""", "v2", 0);
        Assert.True(again.Saved);
        Assert.Equal(1, again.Current!.Revision);
    }

    [Fact]
    public async Task Policies_and_users_are_kept_apart()
    {
        var store = Backend.NewStore();
        var (alice, bob) = (NewUser(), NewUser());
        await store.SaveAsync("Learner", alice, """{"owner":"alice/learner"}""", "v1", 0);
        await store.SaveAsync("Learner", bob, """{"owner":"bob/learner"}""", "v1", 0);
        await store.SaveAsync("Tutor", alice, """{"owner":"alice/tutor"}""", "v1", 0);
        await store.SaveAsync("Learner", alice, """{"owner":"alice/learner 2"}""", "v1", 1);

        Assert.True(await store.DeleteAsync("Tutor", alice));

        var learnerAlice = await store.FindAsync("Learner", alice);
        Assert.Equal(("""{"owner":"alice/learner 2"}""", 2L), (learnerAlice!.Json, learnerAlice.Revision));
        var learnerBob = await store.FindAsync("Learner", bob);
        Assert.Equal(("""{"owner":"bob/learner"}""", 1L), (learnerBob!.Json, learnerBob.Revision));
        Assert.Null(await store.FindAsync("Tutor", alice));
        Assert.Null(await store.FindAsync("Tutor", bob));
        // Keys compare exactly: another case is another user.
        Assert.Null(await store.FindAsync("Learner", alice.ToUpperInvariant()));
    }

    [Fact]
    public async Task A_64_KiB_document_round_trips_exactly()
    {
        var store = Backend.NewStore();
        var user = NewUser();
        var json = Document(65_536);

        var save = await store.SaveAsync(Policy, user, json, "v1", 0);

        Assert.True(save.Saved);
        var stored = await store.FindAsync(Policy, user);
        Assert.Equal(65_536, System.Text.Encoding.UTF8.GetByteCount(stored!.Json));
        Assert.Equal(json, stored.Json, StringComparer.Ordinal);
    }

    [Fact]
    public async Task Unicode_round_trips_exactly_in_documents_and_keys()
    {
        var store = Backend.NewStore();
        const string policy = "Préférences-政策";
        var user = "ünïcødé-用户-🙂-" + NewUser();
        // Astral characters, a ZWJ sequence, a combining accent (not normalised), right-to-left text, escapes as text.
        const string json = """{"notes":"🧪 👩‍👩‍👧 e\u0301 é مرحبا 漢字 \"quoted\" \\ \u0000 \t","tags":["Ωmega","ﬁ"]}""";
        var raw = "{\"notes\":\"e\u0301 é 👩‍👩‍👧 مرحبا\tline\nnext\"}";

        await store.SaveAsync(policy, user, json, "v1 ✓", 0);
        var stored = await store.FindAsync(policy, user);
        await store.SaveAsync(policy, user, raw, "v1 ✓", 1);
        var rawStored = await store.FindAsync(policy, user);

        Assert.Equal((policy, user, json, "v1 ✓"), (stored!.Policy, stored.UserId, stored.Json, stored.PolicyVersion));
        Assert.Equal(raw, rawStored!.Json, StringComparer.Ordinal);
        Assert.Equal(2, rawStored.Revision);
    }

    // By name: xunit serialises theory data as UTF-8, which would turn a lone surrogate into U+FFFD before the test runs.
    [Theory]
    [InlineData("nul")]
    [InlineData("lone surrogate")]
    [InlineData("reversed pair")]
    public async Task Text_that_cannot_be_kept_exactly_is_refused_and_nothing_is_stored(string flaw)
    {
        var json = flaw switch
        {
            "nul" => "{\"notes\":\"nul \0 here\"}",
            "lone surrogate" => "{\"notes\":\"lone \ud800 surrogate\"}",
            _ => "{\"notes\":\"reversed \udc00\ud800 pair\"}",
        };
        var store = Backend.NewStore();
        var user = NewUser();

        var error = await Assert.ThrowsAsync<ArgumentException>(async () => await store.SaveAsync(Policy, user, json, "v1", 0));

        Assert.Equal("json", error.ParamName);
        Assert.Null(await store.FindAsync(Policy, user));
    }

    [Fact]
    public async Task Malformed_keys_and_revisions_are_refused()
    {
        var store = Backend.NewStore();

        await Assert.ThrowsAsync<ArgumentException>(async () => await store.FindAsync("", "someone"));
        await Assert.ThrowsAsync<ArgumentException>(async () => await store.SaveAsync(Policy, "", "{}", "v1", 0));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await store.SaveAsync(Policy, NewUser(), "{}", "v1", -1));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await store.SaveAsync(Policy, NewUser(), null!, "v1", 0));
    }

    /// <summary>A JSON document of exactly <paramref name="bytes"/> UTF-8 bytes, with one- to four-byte characters throughout.</summary>
    private static string Document(int bytes)
    {
        const string head = "{\"notes\":\"";
        const string tail = "\"}";
        const string pattern = "abc é 漢 🎉 ";
        var body = new System.Text.StringBuilder();
        var size = System.Text.Encoding.UTF8.GetByteCount(head + tail);
        var patternSize = System.Text.Encoding.UTF8.GetByteCount(pattern);
        while (size + patternSize <= bytes)
        {
            body.Append(pattern);
            size += patternSize;
        }

        body.Append('x', bytes - size);
        return head + body + tail;
    }
}
