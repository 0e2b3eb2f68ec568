using System.Collections.Immutable;
using System.Globalization;
using Cdm.Contracts.Audit;
using Microsoft.Data.Sqlite;

namespace Cdm.Silo.Audit;

/// <summary>
/// The audit log of the embedded default: a SQLite file of its own beside the grain state (<c>audit.db</c>), so its
/// writes never wait for the grain writer's lock. WAL mode, every batch committed with a full sync.
/// </summary>
public sealed class SqliteAuditStore : AuditBatchWriter
{
    private const string Columns = "id, at, caller, action, profile_id, purpose, source";
    private readonly string connectionString;
    private readonly SqliteConnection writer;

    public SqliteAuditStore(string databasePath)
    {
        connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = false }.ToString();
        writer = new SqliteConnection(connectionString);
        writer.Open();
        using var schema = writer.CreateCommand();
        schema.CommandText = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = FULL;
            CREATE TABLE IF NOT EXISTS cdm_audit (
                id         INTEGER PRIMARY KEY AUTOINCREMENT,
                at         TEXT NOT NULL,
                caller     TEXT NOT NULL,
                action     TEXT NOT NULL,
                profile_id TEXT NOT NULL,
                purpose    TEXT,
                source     TEXT);
            CREATE INDEX IF NOT EXISTS cdm_audit_profile ON cdm_audit (profile_id, id);
            CREATE INDEX IF NOT EXISTS cdm_audit_caller ON cdm_audit (caller, id);
            """;
        schema.ExecuteNonQuery();
    }

    protected override void Write(IReadOnlyList<AuditEntry> entries)
    {
        using var transaction = writer.BeginTransaction();
        using var insert = writer.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO cdm_audit (at, caller, action, profile_id, purpose, source) VALUES ($at, $caller, $action, $profile, $purpose, $source)";
        var at = insert.Parameters.Add("$at", SqliteType.Text);
        var caller = insert.Parameters.Add("$caller", SqliteType.Text);
        var action = insert.Parameters.Add("$action", SqliteType.Text);
        var profile = insert.Parameters.Add("$profile", SqliteType.Text);
        var purpose = insert.Parameters.Add("$purpose", SqliteType.Text);
        var source = insert.Parameters.Add("$source", SqliteType.Text);
        insert.Prepare();
        foreach (var entry in entries)
        {
            at.Value = entry.At.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
            caller.Value = entry.Caller;
            action.Value = entry.Action.ToString();
            profile.Value = entry.ProfileId;
            purpose.Value = (object?)entry.Purpose ?? DBNull.Value;
            source.Value = (object?)entry.Source ?? DBNull.Value;
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    public override Task<AuditPage> QueryAsync(AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var select = connection.CreateCommand();
        var filter = query.Caller is not null
            ? "caller = $caller"
            : "profile_id IN (" + string.Join(", ", query.ProfileIds.Select((_, i) => "$p" + i.ToString(CultureInfo.InvariantCulture))) + ")";
        select.CommandText = $"SELECT {Columns} FROM cdm_audit WHERE {filter} AND ($before IS NULL OR id < $before) ORDER BY id DESC LIMIT $limit";
        if (query.Caller is not null)
        {
            select.Parameters.AddWithValue("$caller", query.Caller);
        }

        for (var i = 0; i < query.ProfileIds.Length && query.Caller is null; i++)
        {
            select.Parameters.AddWithValue("$p" + i.ToString(CultureInfo.InvariantCulture), query.ProfileIds[i]);
        }

        select.Parameters.AddWithValue("$before", (object?)query.Before ?? DBNull.Value);
        // One more than asked says whether there is a next page.
        select.Parameters.AddWithValue("$limit", query.Limit + 1);
        var entries = new List<AuditEntry>(query.Limit + 1);
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                entries.Add(new AuditEntry(
                    reader.GetInt64(0),
                    DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                    reader.GetString(2),
                    Enum.Parse<AuditAction>(reader.GetString(3)),
                    reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5),
                    reader.IsDBNull(6) ? null : reader.GetString(6)));
            }
        }

        return Task.FromResult(AuditPages.Of(entries, query.Limit));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await writer.DisposeAsync();
    }
}
