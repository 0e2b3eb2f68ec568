using Cdm.Silo.Reminders;
using Microsoft.Data.Sqlite;

namespace Cdm.UnitTests.Reminders;

public sealed class SqliteReminderTableTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "cdm-reminders-" + Guid.NewGuid().ToString("N"));

    public SqliteReminderTableTests() => Directory.CreateDirectory(directory);

    private string DatabasePath => Path.Combine(directory, "reminders.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private static ReminderEntry Entry(string key, string name, int minutes = 5) => new()
    {
        GrainId = GrainId.Create("profile", key),
        ReminderName = name,
        StartAt = new DateTime(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc),
        Period = TimeSpan.FromMinutes(minutes),
    };

    [Fact]
    public async Task Upsert_IsReadBackAfterReopening_WithANewETagEachTime()
    {
        string? second;
        using (var table = new SqliteReminderTable(DatabasePath))
        {
            var first = await table.UpsertRow(Entry("p1", "consent-expiry"));
            second = await table.UpsertRow(Entry("p1", "consent-expiry", minutes: 10));
            await table.UpsertRow(Entry("p1", "other"));
            Assert.NotEqual(first, second);
        }

        using var reopened = new SqliteReminderTable(DatabasePath);
        var row = await reopened.ReadRow(GrainId.Create("profile", "p1"), "consent-expiry");
        var rows = await reopened.ReadRows(GrainId.Create("profile", "p1"));

        Assert.NotNull(row);
        Assert.Equal((TimeSpan.FromMinutes(10), second, new DateTime(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc)), (row.Period, row.ETag, row.StartAt));
        Assert.Equal(DateTimeKind.Utc, row.StartAt.Kind);
        Assert.Equal(["consent-expiry", "other"], rows.Reminders.Select(r => r.ReminderName).Order(StringComparer.Ordinal));
        Assert.Null(await reopened.ReadRow(GrainId.Create("profile", "p2"), "consent-expiry"));
    }

    [Fact]
    public async Task Remove_NeedsTheCurrentETag()
    {
        using var table = new SqliteReminderTable(DatabasePath);
        var old = await table.UpsertRow(Entry("p1", "r"));
        var current = await table.UpsertRow(Entry("p1", "r"));

        Assert.False(await table.RemoveRow(GrainId.Create("profile", "p1"), "r", old!));
        Assert.True(await table.RemoveRow(GrainId.Create("profile", "p1"), "r", current!));
        Assert.Null(await table.ReadRow(GrainId.Create("profile", "p1"), "r"));
    }

    [Fact]
    public async Task ReadRows_ByHashRange_SplitsTheRingWithoutGapOrOverlap()
    {
        using var table = new SqliteReminderTable(DatabasePath);
        var keys = Enumerable.Range(0, 200).Select(i => "p" + i).ToList();
        foreach (var key in keys)
        {
            await table.UpsertRow(Entry(key, "r"));
        }

        // Three silos' ranges around the ring, one of them wrapping past zero.
        uint a = 0x40000000, b = 0x90000000, c = 0xF0000000;
        var ranges = new[] { (a, b), (b, c), (c, a) };
        var found = new List<string>();
        foreach (var (begin, end) in ranges)
        {
            found.AddRange((await table.ReadRows(begin, end)).Reminders.Select(r => r.GrainId.Key.ToString()!));
        }

        Assert.Equal(keys.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
        foreach (var row in (await table.ReadRows(a, b)).Reminders)
        {
            var hash = row.GrainId.GetUniformHashCode();
            Assert.True(hash > a && hash <= b);
        }
    }
}
