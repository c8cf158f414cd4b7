using System.Threading;
using System.Threading.Tasks;

namespace PolicyAsCode.EntityFrameworkCore;

/// <summary>
/// Creates the store's database and table when they are missing, idempotently and safely when several instances start
/// at once. Not EnsureCreated: that creates nothing in a database that already holds any table (an application's own
/// database, say), and two instances calling it at once race. Here the table is created with CREATE TABLE IF NOT EXISTS,
/// which works in a database that exists without the table; on PostgreSQL under an advisory lock, because two
/// concurrent IF NOT EXISTS creations of one table can still collide in the catalog.
/// </summary>
internal static class PreferencesSchema
{
    // The columns match PreferencesDbContext's model as each provider maps it (string, long, DateTimeOffset).
    private const string SqliteTable = """
        CREATE TABLE IF NOT EXISTS policy_preferences (
            policy TEXT NOT NULL,
            user_id TEXT NOT NULL,
            json TEXT NOT NULL,
            policy_version TEXT NOT NULL,
            revision INTEGER NOT NULL,
            updated_at TEXT NOT NULL,
            CONSTRAINT pk_policy_preferences PRIMARY KEY (policy, user_id)
        )
        """;

    private const string PostgreSqlTable = """
        CREATE TABLE IF NOT EXISTS policy_preferences (
            policy text NOT NULL,
            user_id text NOT NULL,
            json text NOT NULL,
            policy_version text NOT NULL,
            revision bigint NOT NULL,
            updated_at timestamp with time zone NOT NULL,
            CONSTRAINT pk_policy_preferences PRIMARY KEY (policy, user_id)
        )
        """;

    // pg_advisory_xact_lock's key: any constant no other code is likely to use ("policy_preferences" folded to 64 bits).
    private const long PostgreSqlLockKey = 0x706F6C6963795F70;

    public static Task CreateAsync(PreferencesDbContext db, CancellationToken cancellationToken) =>
        SchemaCreation.CreateAsync(db, SqliteTable, PostgreSqlTable, PostgreSqlLockKey, PreferencesDbContext.TableName, cancellationToken);
}
