using Cdm.PostgresTests.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace Cdm.PostgresTests.Cluster;

[Collection(PostgresClusterCollection.Name)]
public sealed class MembershipTests(PostgresClusterFixture fixture)
{
    private const int Active = 3;
    private const int Dead = 6;

    [Fact]
    public async Task Both_silos_are_active_in_the_membership_table()
    {
        var expected = fixture.Cluster.Silos.Select(s => s.SiloAddress.Endpoint.Port).Order().ToList();

        var active = await Sql.ListAsync<int>(fixture.ConnectionString,
            "SELECT port FROM orleans_membership WHERE deployment_id = $1 AND status = $2 ORDER BY port", fixture.ClusterId, Active);

        Assert.Equal(2, expected.Count);
        Assert.Equal(expected, active);
    }

    [Fact]
    public async Task The_client_sees_both_silos_through_the_cluster()
    {
        var hosts = await fixture.Cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);

        Assert.Equal(
            fixture.Cluster.Silos.Select(s => s.SiloAddress).Order(),
            hosts.Keys.Order());
    }

    [Fact]
    public async Task Defunct_silo_cleanup_removes_only_long_dead_silos()
    {
        var longDead = "192.0.2." + Random.Shared.Next(1, 250);
        var recentlyDead = "198.51.100." + Random.Shared.Next(1, 250);
        await AddSiloRowAsync(longDead, Dead, DateTime.UtcNow.AddHours(-2));
        await AddSiloRowAsync(recentlyDead, Dead, DateTime.UtcNow);
        var table = fixture.PrimarySilo.GetRequiredService<IMembershipTable>();

        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddHours(-1));

        var addresses = await Sql.ListAsync<string>(fixture.ConnectionString,
            "SELECT address FROM orleans_membership WHERE deployment_id = $1", fixture.ClusterId);
        Assert.DoesNotContain(longDead, addresses);
        Assert.Contains(recentlyDead, addresses);
        Assert.Equal(3, addresses.Count);
        await Sql.ExecuteAsync(fixture.ConnectionString, "DELETE FROM orleans_membership WHERE address = $1", recentlyDead);
    }

    // A row as a silo that has since died would have left it; the version is left alone, as cleanup does.
    private Task AddSiloRowAsync(string address, int status, DateTime lastSeen) =>
        Sql.ExecuteAsync(fixture.ConnectionString, """
            INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
            VALUES ($1, $2, 11111, 1, 'gone', 'gone', $3, 0, $4, $4)
            """, fixture.ClusterId, address, status, lastSeen);
}
