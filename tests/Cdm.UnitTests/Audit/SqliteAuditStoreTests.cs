using Cdm.Contracts.Audit;
using Cdm.Silo.Audit;
using Microsoft.Data.Sqlite;

namespace Cdm.UnitTests.Audit;

public sealed class SqliteAuditStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string directory = Path.Combine(Path.GetTempPath(), "cdm-audit-" + Guid.NewGuid().ToString("N"));

    public SqliteAuditStoreTests() => Directory.CreateDirectory(directory);

    private string DatabasePath => Path.Combine(directory, "audit.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static AuditEntry Entry(int i, string profile, string caller, AuditAction action = AuditAction.ProfileRead) =>
        new(0, T0.AddSeconds(i), caller, action, profile, action == AuditAction.ProfileRead ? "analytics" : null, action == AuditAction.RecordWritten ? "crm" : null);

    [Fact]
    public async Task ParallelAppends_AreAllKept_AndListedByProfileAndByCaller_NewestFirst()
    {
        await using (var store = new SqliteAuditStore(DatabasePath))
        {
            await Task.WhenAll(Enumerable.Range(0, 300).Select(i => Task.Run(() => store.AppendAsync(Entry(i, "p" + (i % 3), "caller" + (i % 2), i % 5 == 0 ? AuditAction.RecordWritten : AuditAction.ProfileRead)))));

            var byProfile = await store.QueryAsync(new AuditQuery(["p0", "p1"], null, null, 1000));
            var byCaller = await store.QueryAsync(new AuditQuery([], "caller1", null, 1000));

            Assert.Equal(200, byProfile.Entries.Length);
            Assert.All(byProfile.Entries, e => Assert.Contains(e.ProfileId, new[] { "p0", "p1" }));
            Assert.Equal(150, byCaller.Entries.Length);
            Assert.All(byCaller.Entries, e => Assert.Equal("caller1", e.Caller));
            Assert.Equal(byProfile.Entries.Select(e => e.Id).OrderDescending(), byProfile.Entries.Select(e => e.Id));
            Assert.Null(byProfile.Next);
        }

        // Durable: a new store on the same file lists the same 300 entries.
        await using var reopened = new SqliteAuditStore(DatabasePath);
        var all = await reopened.QueryAsync(new AuditQuery(["p0", "p1", "p2"], null, null, 1000));
        Assert.Equal(300, all.Entries.Length);
        Assert.Equal(300, all.Entries.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public async Task Entries_RoundTrip_AndPagesFollowTheCursor()
    {
        await using var store = new SqliteAuditStore(DatabasePath);
        for (var i = 0; i < 7; i++)
        {
            await store.AppendAsync(Entry(i, "p", "key:1 (bi)", i == 0 ? AuditAction.RecordWritten : AuditAction.ProfileRead));
        }

        var first = await store.QueryAsync(new AuditQuery(["p"], null, null, 3));
        var second = await store.QueryAsync(new AuditQuery(["p"], null, first.Next, 3));
        var last = await store.QueryAsync(new AuditQuery(["p"], null, second.Next, 3));

        Assert.Equal(3, first.Entries.Length);
        Assert.NotNull(first.Next);
        Assert.Equal(3, second.Entries.Length);
        Assert.Single(last.Entries);
        Assert.Null(last.Next);
        var written = last.Entries[0];
        Assert.Equal((T0, "key:1 (bi)", AuditAction.RecordWritten, "p", (string?)null, "crm"), (written.At, written.Caller, written.Action, written.ProfileId, written.Purpose, written.Source));
        Assert.Equal((T0.AddSeconds(6), "analytics"), (first.Entries[0].At, first.Entries[0].Purpose));
        Assert.Empty(first.Entries.Select(e => e.Id).Intersect(second.Entries.Select(e => e.Id)));
    }
}
