using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Cdm.Silo.Reminders;

/// <summary>
/// Durable reminders for the embedded default: Orleans' reminder table in a SQLite file of its own
/// (<c>reminders.db</c> beside the grain state), so a reminder set before a restart still fires after it. One silo
/// owns the file; reminders change rarely, so one connection behind a lock serves them all, each change committed
/// with a full sync.
/// </summary>
public sealed class SqliteReminderTable : IReminderTable, IDisposable
{
    private readonly SqliteConnection connection;
    private readonly Lock gate = new();

    public SqliteReminderTable(string databasePath)
    {
        connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString());
        connection.Open();
        Execute("""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = FULL;
            CREATE TABLE IF NOT EXISTS cdm_reminder (
                grain_id     TEXT NOT NULL,
                name         TEXT NOT NULL,
                grain_hash   INTEGER NOT NULL,   -- GrainId.GetUniformHashCode(), for the ranges silos own
                start_at     TEXT NOT NULL,      -- UTC, round-trip format
                period_ticks INTEGER NOT NULL,
                etag         TEXT NOT NULL,
                PRIMARY KEY (grain_id, name));
            CREATE INDEX IF NOT EXISTS cdm_reminder_hash ON cdm_reminder (grain_hash);
            """);
    }

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        Task.FromResult(new ReminderTableData(Query("grain_id = $grain", ("$grain", grainId.ToString()))));

    /// <summary>
    /// The reminders of grains whose hash is in <c>(begin, end]</c>, the range one silo owns; when
    /// <paramref name="begin"/> is not below <paramref name="end"/> the range wraps around.
    /// </summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end) => Task.FromResult(new ReminderTableData(
        Query(begin < end ? "grain_hash > $begin AND grain_hash <= $end" : "grain_hash > $begin OR grain_hash <= $end", ("$begin", (long)begin), ("$end", (long)end))));

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => Task.FromResult(
        Query("grain_id = $grain AND name = $name", ("$grain", grainId.ToString()), ("$name", reminderName)).FirstOrDefault());

    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var etag = Guid.NewGuid().ToString("N");
        Execute(
            """
            INSERT INTO cdm_reminder (grain_id, name, grain_hash, start_at, period_ticks, etag) VALUES ($grain, $name, $hash, $start, $period, $etag)
            ON CONFLICT (grain_id, name) DO UPDATE SET grain_hash = $hash, start_at = $start, period_ticks = $period, etag = $etag
            """,
            ("$grain", entry.GrainId.ToString()),
            ("$name", entry.ReminderName),
            ("$hash", (long)entry.GrainId.GetUniformHashCode()),
            ("$start", entry.StartAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
            ("$period", entry.Period.Ticks),
            ("$etag", etag));
        return Task.FromResult<string?>(etag);
    }

    /// <summary>Removes a reminder only if it is still the version <paramref name="eTag"/> names.</summary>
    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => Task.FromResult(
        Execute("DELETE FROM cdm_reminder WHERE grain_id = $grain AND name = $name AND etag = $etag",
            ("$grain", grainId.ToString()), ("$name", reminderName), ("$etag", eTag)) > 0);

    public Task TestOnlyClearTable()
    {
        Execute("DELETE FROM cdm_reminder");
        return Task.CompletedTask;
    }

    public void Dispose() => connection.Dispose();

    private int Execute(string sql, params (string Name, object Value)[] parameters)
    {
        lock (gate)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            return command.ExecuteNonQuery();
        }
    }

    private List<ReminderEntry> Query(string filter, params (string Name, object Value)[] parameters)
    {
        lock (gate)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT grain_id, name, start_at, period_ticks, etag FROM cdm_reminder WHERE {filter}";
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            using var reader = command.ExecuteReader();
            var entries = new List<ReminderEntry>();
            while (reader.Read())
            {
                entries.Add(new ReminderEntry
                {
                    GrainId = GrainId.Parse(reader.GetString(0)),
                    ReminderName = reader.GetString(1),
                    StartAt = DateTime.Parse(reader.GetString(2), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                    Period = TimeSpan.FromTicks(reader.GetInt64(3)),
                    ETag = reader.GetString(4),
                });
            }

            return entries;
        }
    }
}
