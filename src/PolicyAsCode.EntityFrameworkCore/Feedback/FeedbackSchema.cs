using System.Threading;
using System.Threading.Tasks;

namespace PolicyAsCode.EntityFrameworkCore;

/// <summary>Creates the feedback store's two tables when missing, the way the preferences store creates its own.</summary>
internal static class FeedbackSchema
{
    // Times are integer microseconds since the epoch: they order alike on every provider (SQLite cannot order EF Core's
    // text form of a DateTimeOffset), and PostgreSQL keeps no finer time anyway.
    private const string SqliteTables = """
        CREATE TABLE IF NOT EXISTS policy_feedback (
            policy TEXT NOT NULL,
            id TEXT NOT NULL,
            user_id TEXT NOT NULL,
            at_us INTEGER NOT NULL,
            nudges TEXT NOT NULL,
            rating INTEGER NULL,
            reason TEXT NULL,
            decision_id TEXT NULL,
            policy_version TEXT NULL,
            jurisdiction TEXT NULL,
            facts_known INTEGER NOT NULL,
            facts_holding INTEGER NOT NULL,
            CONSTRAINT pk_policy_feedback PRIMARY KEY (policy, id)
        );
        CREATE INDEX IF NOT EXISTS ix_policy_feedback_user ON policy_feedback (policy, user_id, at_us);
        CREATE TABLE IF NOT EXISTS policy_learning_resets (
            policy TEXT NOT NULL,
            user_id TEXT NOT NULL,
            dimension TEXT NOT NULL,
            at_us INTEGER NOT NULL,
            CONSTRAINT pk_policy_learning_resets PRIMARY KEY (policy, user_id, dimension, at_us)
        );
        """;

    private const string PostgreSqlTables = """
        CREATE TABLE IF NOT EXISTS policy_feedback (
            policy text NOT NULL,
            id text NOT NULL,
            user_id text NOT NULL,
            at_us bigint NOT NULL,
            nudges text NOT NULL,
            rating integer NULL,
            reason text NULL,
            decision_id text NULL,
            policy_version text NULL,
            jurisdiction text NULL,
            facts_known bigint NOT NULL,
            facts_holding bigint NOT NULL,
            CONSTRAINT pk_policy_feedback PRIMARY KEY (policy, id)
        );
        CREATE INDEX IF NOT EXISTS ix_policy_feedback_user ON policy_feedback (policy, user_id, at_us);
        CREATE TABLE IF NOT EXISTS policy_learning_resets (
            policy text NOT NULL,
            user_id text NOT NULL,
            dimension text NOT NULL,
            at_us bigint NOT NULL,
            CONSTRAINT pk_policy_learning_resets PRIMARY KEY (policy, user_id, dimension, at_us)
        );
        """;

    // pg_advisory_xact_lock's key, another than the preferences table's ("policy_feedback" folded to 64 bits).
    private const long PostgreSqlLockKey = 0x706F6C6963795F66;

    public static Task CreateAsync(FeedbackDbContext db, CancellationToken cancellationToken) =>
        SchemaCreation.CreateAsync(db, SqliteTables, PostgreSqlTables, PostgreSqlLockKey,
            FeedbackDbContext.FeedbackTable + " and " + FeedbackDbContext.ResetsTable, cancellationToken);
}
