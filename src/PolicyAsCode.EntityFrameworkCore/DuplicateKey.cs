using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace PolicyAsCode.EntityFrameworkCore;

/// <summary>Recognises the primary-key violation of an INSERT that lost a race with another INSERT of the same key.</summary>
internal static class DuplicateKey
{
    private const int SqliteConstraintPrimaryKey = 1555; // SQLITE_CONSTRAINT_PRIMARYKEY
    private const int SqliteConstraintUnique = 2067;     // SQLITE_CONSTRAINT_UNIQUE

    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException e => e.SqliteExtendedErrorCode is SqliteConstraintPrimaryKey or SqliteConstraintUnique,
        PostgresException e => e.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
