using System.Data;
using Cdm.Postgres.Migrations;
using Cdm.Testing.Postgres;

namespace Cdm.PostgresTests.Schema;

/// <summary>
/// The membership protocol's guarantees, checked on the stored queries themselves: a row changes together with
/// the cluster's version or not at all, and cleanup deletes a row only while it holds the values read.
/// </summary>
public sealed class MembershipQueryTests
{
    private const string Cluster = "c1";
    private static readonly DateTime Started = new(2026, 1, 1, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Insert_needs_the_current_version_and_a_new_silo()
    {
        var database = await MigratedAsync("membership insert");
        Assert.Equal(true, await StoredQuery.ReadFirstAsync(database, "InsertMembershipVersionKey", ("DeploymentId", Cluster, DbType.String)));
        Assert.Equal(false, await StoredQuery.ReadFirstAsync(database, "InsertMembershipVersionKey", ("DeploymentId", Cluster, DbType.String)));

        Assert.Equal(false, await InsertAsync(database, "10.0.0.1", expectedVersion: 5));
        Assert.Equal(true, await InsertAsync(database, "10.0.0.1", expectedVersion: 0));
        Assert.Equal(false, await InsertAsync(database, "10.0.0.1", expectedVersion: 1));

        Assert.Equal(1, await Sql.ScalarAsync<int>(database, "SELECT version FROM orleans_membership_version WHERE deployment_id = $1", Cluster));
        Assert.Equal(1L, await Sql.ScalarAsync<long>(database, "SELECT count(*) FROM orleans_membership"));
    }

    [Fact]
    public async Task Update_needs_the_current_version_and_an_existing_silo()
    {
        var database = await MigratedAsync("membership update");
        await StoredQuery.ReadFirstAsync(database, "InsertMembershipVersionKey", ("DeploymentId", Cluster, DbType.String));
        await InsertAsync(database, "10.0.0.1", expectedVersion: 0);

        Assert.Equal(false, await UpdateAsync(database, "10.0.0.1", status: 6, expectedVersion: 0));
        Assert.Equal(false, await UpdateAsync(database, "10.0.0.9", status: 6, expectedVersion: 1));
        Assert.Equal(true, await UpdateAsync(database, "10.0.0.1", status: 6, expectedVersion: 1));

        Assert.Equal(2, await Sql.ScalarAsync<int>(database, "SELECT version FROM orleans_membership_version WHERE deployment_id = $1", Cluster));
        Assert.Equal(6, await Sql.ScalarAsync<int>(database, "SELECT status FROM orleans_membership WHERE address = '10.0.0.1'"));
    }

    [Fact]
    public async Task Row_cleanup_deletes_a_dead_silo_only_while_it_holds_the_values_read()
    {
        var database = await MigratedAsync("membership cleanup");
        await StoredQuery.ReadFirstAsync(database, "InsertMembershipVersionKey", ("DeploymentId", Cluster, DbType.String));
        await InsertAsync(database, "10.0.0.1", expectedVersion: 0);
        await UpdateAsync(database, "10.0.0.1", status: 6, expectedVersion: 1);

        var changedSince = await CleanupRowAsync(database, "10.0.0.1", suspectTimes: "S10.0.0.2:11111:1,2026-01-01 08:00:00.000 GMT");
        var unchanged = await CleanupRowAsync(database, "10.0.0.1", suspectTimes: "");

        Assert.Equal((0, 1), (changedSince, unchanged));
        Assert.Equal(2, await Sql.ScalarAsync<int>(database, "SELECT version FROM orleans_membership_version WHERE deployment_id = $1", Cluster));
    }

    [Fact]
    public async Task Bulk_cleanup_deletes_dead_silos_older_than_the_cutoff_only()
    {
        var database = await MigratedAsync("membership bulk cleanup");
        await StoredQuery.ReadFirstAsync(database, "InsertMembershipVersionKey", ("DeploymentId", Cluster, DbType.String));
        await InsertAsync(database, "10.0.0.1", expectedVersion: 0);
        await InsertAsync(database, "10.0.0.2", expectedVersion: 1);
        await UpdateAsync(database, "10.0.0.1", status: 6, expectedVersion: 2);

        var deleted = await StoredQuery.ExecuteAsync(database, "CleanupDefunctSiloEntriesKey",
            ("DeploymentId", Cluster, DbType.String), ("IAmAliveTime", Started.AddHours(1), DbType.DateTime));

        Assert.Equal(1, deleted);
        Assert.Equal(["10.0.0.2"], await Sql.ListAsync<string>(database, "SELECT address FROM orleans_membership"));
    }

    private static async Task<string> MigratedAsync(string purpose)
    {
        var database = await PostgresTestServer.CreateDatabaseAsync(purpose);
        await new SchemaMigrator().MigrateAsync(database);
        return database;
    }

    private static Task<object?> InsertAsync(string database, string address, int expectedVersion) =>
        StoredQuery.ReadFirstAsync(database, "InsertMembershipKey",
            ("DeploymentId", Cluster, DbType.String), ("Address", address, DbType.AnsiString), ("Port", 11111, DbType.Int32),
            ("Generation", 1, DbType.Int32), ("SiloName", "silo", DbType.String), ("HostName", "host", DbType.String),
            ("Status", 3, DbType.Int32), ("ProxyPort", 30000, DbType.Int32), ("StartTime", Started, DbType.DateTime),
            ("IAmAliveTime", Started, DbType.DateTime), ("Version", expectedVersion, DbType.Int32));

    private static Task<object?> UpdateAsync(string database, string address, int status, int expectedVersion) =>
        StoredQuery.ReadFirstAsync(database, "UpdateMembershipKey",
            ("DeploymentId", Cluster, DbType.String), ("Address", address, DbType.AnsiString), ("Port", 11111, DbType.Int32),
            ("Generation", 1, DbType.Int32), ("Status", status, DbType.Int32), ("SuspectTimes", null, DbType.String),
            ("IAmAliveTime", Started, DbType.DateTime), ("Version", expectedVersion, DbType.Int32));

    private static Task<int> CleanupRowAsync(string database, string address, string? suspectTimes) =>
        StoredQuery.ExecuteAsync(database, "CleanupDefunctSiloEntryKey",
            ("DeploymentId", Cluster, DbType.String), ("Address", address, DbType.AnsiString), ("Port", 11111, DbType.Int32),
            ("Generation", 1, DbType.Int32), ("SuspectTimes", suspectTimes, DbType.String),
            ("StartTime", Started, DbType.DateTime), ("IAmAliveTime", Started, DbType.DateTime));
}
