namespace PolicyAsCode.AspNetCore.Tests.Store;

// The same store tests on each engine; every class has its own databases (a temporary folder, or randomly named
// PostgreSQL databases), so classes run in parallel without meeting.

public sealed class SqlitePreferencesStoreTests(SqliteBackend backend) : PreferencesStoreTests<SqliteBackend>(backend);

public sealed class PostgresPreferencesStoreTests(PostgresBackend backend) : PreferencesStoreTests<PostgresBackend>(backend);

public sealed class SqlitePreferencesStoreRaceTests(SqliteBackend backend) : PreferencesStoreRaceTests<SqliteBackend>(backend);

public sealed class PostgresPreferencesStoreRaceTests(PostgresBackend backend) : PreferencesStoreRaceTests<PostgresBackend>(backend);

public sealed class SqlitePreferencesStoreSchemaTests(SqliteBackend backend) : PreferencesStoreSchemaTests<SqliteBackend>(backend);

public sealed class PostgresPreferencesStoreSchemaTests(PostgresBackend backend) : PreferencesStoreSchemaTests<PostgresBackend>(backend);

public sealed class SqliteFeedbackStoreTests(SqliteBackend backend) : FeedbackStoreTests<SqliteBackend>(backend);

public sealed class PostgresFeedbackStoreTests(PostgresBackend backend) : FeedbackStoreTests<PostgresBackend>(backend);
