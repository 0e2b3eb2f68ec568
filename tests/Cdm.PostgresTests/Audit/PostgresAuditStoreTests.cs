using Cdm.Contracts.Audit;
using Cdm.Postgres.Audit;
using Cdm.Postgres.Migrations;
using Cdm.Testing.Postgres;
using Npgsql;

namespace Cdm.PostgresTests.Audit;

public sealed class PostgresAuditStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ParallelAppends_AreKeptPerService_ListedNewestFirst_AndStoredAsPlainRows()
    {
        var connectionString = await PostgresTestServer.CreateDatabaseAsync("audit store");
        await new SchemaMigrator().MigrateAsync(connectionString);
        await using var store = new PostgresAuditStore(connectionString, "svc-a");
        await using var other = new PostgresAuditStore(connectionString, "svc-b");

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => store.AppendAsync(
            new AuditEntry(0, T0.AddSeconds(i), "caller" + (i % 2), i % 4 == 0 ? AuditAction.RecordWritten : AuditAction.ProfileRead, "p" + (i % 4), i % 4 == 0 ? null : "analytics", i % 4 == 0 ? "crm" : null))));
        await other.AppendAsync(new AuditEntry(0, T0, "caller0", AuditAction.ProfileRead, "p0", "sms", null));

        var byProfile = await store.QueryAsync(new AuditQuery(["p0", "p1"], null, null, 60));
        var rest = await store.QueryAsync(new AuditQuery(["p0", "p1"], null, byProfile.Next, 60));
        var byCaller = await store.QueryAsync(new AuditQuery([], "caller0", null, 1000));

        Assert.Equal(60, byProfile.Entries.Length);
        Assert.Equal(40, rest.Entries.Length);
        Assert.Null(rest.Next);
        Assert.Equal(byProfile.Entries.Concat(rest.Entries).Select(e => e.Id).OrderDescending(), byProfile.Entries.Concat(rest.Entries).Select(e => e.Id));
        Assert.Equal(100, byCaller.Entries.Length);
        Assert.DoesNotContain(byCaller.Entries, e => e.Purpose == "sms");
        var written = byCaller.Entries.Last(e => e.Action == AuditAction.RecordWritten);
        Assert.Equal((T0, "p0", "crm", (string?)null), (written.At, written.ProfileId, written.Source, written.Purpose));

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT service_id, count(*) FROM cdm_audit GROUP BY service_id ORDER BY service_id", connection);
        await using var reader = await count.ExecuteReaderAsync();
        var rows = new List<(string, long)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        Assert.Equal([("svc-a", 200L), ("svc-b", 1L)], rows);
    }
}
