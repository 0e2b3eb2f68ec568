using Cdm.Contracts.Audit;
using Cdm.Silo.Audit;
using Npgsql;
using NpgsqlTypes;

namespace Cdm.Postgres.Audit;

/// <summary>The audit log of the cluster mode: table <c>cdm_audit</c> of the cluster's database (deploy/sql/postgresql/0007).</summary>
public sealed class PostgresAuditStore(string connectionString, string serviceId) : AuditBatchWriter
{
    private const string Columns = "id, at, caller, action, profile_id, purpose, source";

    private readonly NpgsqlDataSource dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString)
    {
        ApplicationName = "cdm-audit",
        MaxPoolSize = 4,
    }.ToString());

    protected override void Write(IReadOnlyList<AuditEntry> entries)
    {
        using var connection = dataSource.OpenConnection();
        // One statement for the whole batch: the columns travel as arrays and unnest into rows.
        using var insert = new NpgsqlCommand(
            """
            INSERT INTO cdm_audit (service_id, at, caller, action, profile_id, purpose, source)
            SELECT $1, * FROM unnest($2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
            """,
            connection);
        insert.Parameters.Add(new NpgsqlParameter { Value = serviceId });
        insert.Parameters.Add(new NpgsqlParameter { Value = entries.Select(static e => e.At.ToUniversalTime()).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        insert.Parameters.Add(new NpgsqlParameter { Value = entries.Select(static e => e.Caller).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = entries.Select(static e => e.Action.ToString()).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = entries.Select(static e => e.ProfileId).ToArray() });
        insert.Parameters.Add(new NpgsqlParameter { Value = entries.Select(static e => e.Purpose).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        insert.Parameters.Add(new NpgsqlParameter { Value = entries.Select(static e => e.Source).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        insert.ExecuteNonQuery();
    }

    public override async Task<AuditPage> QueryAsync(AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await dataSource.OpenConnectionAsync();
        var filter = query.Caller is not null ? "caller = $2" : "profile_id = ANY($2)";
        await using var select = new NpgsqlCommand(
            $"SELECT {Columns} FROM cdm_audit WHERE service_id = $1 AND {filter} AND ($3::bigint IS NULL OR id < $3) ORDER BY id DESC LIMIT $4",
            connection);
        select.Parameters.Add(new NpgsqlParameter { Value = serviceId });
        select.Parameters.Add(query.Caller is not null ? new NpgsqlParameter { Value = query.Caller } : new NpgsqlParameter { Value = query.ProfileIds.ToArray() });
        select.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Before ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        select.Parameters.Add(new NpgsqlParameter { Value = query.Limit + 1 });
        var entries = new List<AuditEntry>(query.Limit + 1);
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            entries.Add(new AuditEntry(
                reader.GetInt64(0),
                new DateTimeOffset(reader.GetDateTime(1), TimeSpan.Zero),
                reader.GetString(2),
                Enum.Parse<AuditAction>(reader.GetString(3)),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6)));
        }

        return AuditPages.Of(entries, query.Limit);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await dataSource.DisposeAsync();
    }
}
