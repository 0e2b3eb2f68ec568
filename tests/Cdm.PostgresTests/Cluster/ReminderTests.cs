using Cdm.PostgresTests.Schema;

namespace Cdm.PostgresTests.Cluster;

[Collection(PostgresClusterCollection.Name)]
public sealed class ReminderTests(PostgresClusterFixture fixture)
{
    [Fact]
    public async Task A_registered_reminder_is_stored_fires_and_is_removed()
    {
        var key = "reminder-" + Guid.NewGuid().ToString("N");
        var grain = fixture.Cluster.Client.GetGrain<IReminderProbeGrain>(key);

        await grain.StartAsync(TimeSpan.FromSeconds(1));
        var stored = await ReminderRowsAsync(key);
        await ReminderSignals.WhenFired(key).WaitAsync(TimeSpan.FromSeconds(30));
        await grain.StopAsync();

        Assert.Equal(1L, stored);
        Assert.Equal(0L, await ReminderRowsAsync(key));
    }

    private Task<long> ReminderRowsAsync(string key) =>
        Sql.ScalarAsync<long>(fixture.ConnectionString,
            "SELECT count(*) FROM orleans_reminders WHERE service_id = $1 AND grain_id LIKE '%' || $2 AND reminder_name = $3",
            PostgresClusterFixture.ServiceId, key, ReminderProbeGrain.ReminderName);
}
