using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Cdm.Silo.Storage;

/// <summary>
/// Prepared statements on a connection's SQLite handle, for the writer's hot path: bound by position and stepped
/// directly, with SQLite's errors raised as <see cref="SqliteException"/> like <see cref="SqliteCommand"/> does.
/// </summary>
internal static class SqliteStatements
{
    public static sqlite3 HandleOf(SqliteConnection connection) =>
        connection.Handle ?? throw new InvalidOperationException("The writer connection is not open.");

    public static sqlite3_stmt Prepare(sqlite3 db, string sql)
    {
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        return statement;
    }

    /// <exception cref="SqliteException"><paramref name="rc"/> is an error.</exception>
    public static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }

    /// <summary>Steps <paramref name="statement"/> to its end, then resets it and clears its bindings.</summary>
    /// <returns>The first row as <paramref name="read"/> reads it; <paramref name="none"/> when there is none.</returns>
    public static T Run<T>(sqlite3 db, sqlite3_stmt statement, Func<sqlite3_stmt, T> read, T none)
    {
        try
        {
            var result = none;
            var first = true;
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW)
            {
                if (first)
                {
                    result = read(statement);
                    first = false;
                }
            }

            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, db);
            }

            return result;
        }
        finally
        {
            // Ready for the next use whatever happened; a failed step reports its error again here, already thrown.
            raw.sqlite3_reset(statement);
            raw.sqlite3_clear_bindings(statement);
        }
    }

    /// <summary>Runs a statement that returns no rows.</summary>
    public static void Run(sqlite3 db, sqlite3_stmt statement) => Run(db, statement, static _ => true, false);
}
