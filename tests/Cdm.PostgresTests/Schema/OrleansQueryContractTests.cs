using System.Reflection;
using System.Text.RegularExpressions;
using Cdm.Postgres.Migrations;
using Cdm.Testing.Postgres;
using Orleans.Configuration;
using Orleans.Storage;

namespace Cdm.PostgresTests.Schema;

/// <summary>
/// The stored queries against what the Orleans ADO.NET providers of this build ask for. The required keys are read
/// from the providers themselves (each one's internal DbStoredQueries declares one property per required key and
/// refuses to start when one is missing; the grain storage names its keys in a public query), so a newer Orleans
/// that wants another key fails here, not at a silo's start. The parameters each provider binds are the ones read
/// in Orleans 10.4.2's RelationalOrleansQueries and AdoNetGrainStorage.
/// </summary>
public sealed partial class OrleansQueryContractTests
{
    private static readonly string[] ClusteringKeys =
    [
        "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipVersionKey", "UpdateIAmAlivetimeKey",
        "InsertMembershipKey", "UpdateMembershipKey", "DeleteMembershipTableEntriesKey", "CleanupDefunctSiloEntriesKey",
    ];

    private static readonly string[] ReminderKeys =
    [
        "ReadReminderRowsKey", "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey", "UpsertReminderRowKey",
        "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    private static readonly string[] StorageKeys = ["WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey"];

    private static readonly string[] Silo = ["Address", "Port", "Generation"];
    private static readonly string[] StorageKey = ["GrainIdHash", "GrainIdN0", "GrainIdN1", "GrainTypeHash", "GrainTypeString", "GrainIdExtensionString", "ServiceId"];

    /// <summary>Every key and the parameters its provider binds when it runs it.</summary>
    private static readonly Dictionary<string, string[]> BoundParameters = new()
    {
        ["GatewaysQueryKey"] = ["DeploymentId", "Status"],
        ["MembershipReadRowKey"] = ["DeploymentId", .. Silo],
        ["MembershipReadAllKey"] = ["DeploymentId"],
        ["InsertMembershipVersionKey"] = ["DeploymentId"],
        ["UpdateIAmAlivetimeKey"] = ["DeploymentId", .. Silo, "IAmAliveTime"],
        ["InsertMembershipKey"] = ["DeploymentId", .. Silo, "SiloName", "HostName", "Status", "ProxyPort", "StartTime", "IAmAliveTime", "Version"],
        ["UpdateMembershipKey"] = ["DeploymentId", .. Silo, "Status", "SuspectTimes", "IAmAliveTime", "Version"],
        ["DeleteMembershipTableEntriesKey"] = ["DeploymentId"],
        ["CleanupDefunctSiloEntriesKey"] = ["DeploymentId", "IAmAliveTime"],
        ["CleanupDefunctSiloEntryKey"] = ["DeploymentId", .. Silo, "SuspectTimes", "StartTime", "IAmAliveTime"],
        ["ReadReminderRowsKey"] = ["ServiceId", "GrainId"],
        ["ReadRangeRows1Key"] = ["ServiceId", "BeginHash", "EndHash"],
        ["ReadRangeRows2Key"] = ["ServiceId", "BeginHash", "EndHash"],
        ["ReadReminderRowKey"] = ["ServiceId", "GrainId", "ReminderName"],
        ["UpsertReminderRowKey"] = ["ServiceId", "GrainHash", "GrainId", "ReminderName", "StartTime", "Period"],
        ["DeleteReminderRowKey"] = ["ServiceId", "GrainId", "ReminderName", "Version"],
        ["DeleteReminderRowsKey"] = ["ServiceId"],
        ["ReadFromStorageKey"] = StorageKey,
        ["WriteToStorageKey"] = [.. StorageKey, "GrainStateVersion", "PayloadBinary"],
        ["ClearStorageKey"] = [.. StorageKey, "GrainStateVersion"],
    };

    [Fact]
    public void The_providers_of_this_build_require_the_keys_read_for_10_4_2()
    {
        Assert.Equal(ClusteringKeys.Order(), RequiredKeys(typeof(AdoNetClusteringSiloOptions), "Orleans.Clustering.AdoNet.Storage.DbStoredQueries").Order());
        Assert.Equal(ReminderKeys.Order(), RequiredKeys(typeof(AdoNetReminderTableOptions), "Orleans.Reminders.AdoNet.Storage.DbStoredQueries").Order());
        // The grain storage asks for these and DeleteStorageKey, which it needs only with DeleteStateOnClear.
        var storageQuery = QuotedKey().Matches(AdoNetGrainStorage.DefaultInitializationQuery).Select(m => m.Groups[1].Value);
        Assert.Equal([.. StorageKeys, "DeleteStorageKey"], storageQuery);
    }

    [Fact]
    public async Task The_schema_holds_every_key_the_providers_need()
    {
        var queries = await MigratedQueriesAsync("query keys");

        var expected = ClusteringKeys.Concat(ReminderKeys).Concat(StorageKeys).Append("CleanupDefunctSiloEntryKey").ToHashSet();
        Assert.Equal(expected.Order(), queries.Keys.Order());
    }

    [Fact]
    public async Task Each_query_names_only_parameters_its_provider_binds()
    {
        var queries = await MigratedQueriesAsync("query parameters");

        foreach (var (key, text) in queries)
        {
            var named = Parameter().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();
            var unknown = named.Except(BoundParameters[key]).ToList();
            Assert.True(unknown.Count == 0, $"{key} names {string.Join(", ", unknown)}, which the provider does not bind");
            // Every query is scoped to one cluster or one service: no query may reach another's rows.
            var scope = key.Contains("Storage") || key.Contains("Reminder") || key.StartsWith("ReadRange", StringComparison.Ordinal) ? "ServiceId" : "DeploymentId";
            Assert.True(named.Contains(scope), $"{key} does not filter on {scope}");
        }
    }

    private static IEnumerable<string> RequiredKeys(Type providerType, string storedQueriesType) =>
        providerType.Assembly.GetType(storedQueriesType, throwOnError: true)!
            .GetProperties(BindingFlags.Instance | BindingFlags.NonPublic)
            .Select(p => p.Name);

    private static async Task<Dictionary<string, string>> MigratedQueriesAsync(string purpose)
    {
        var database = await PostgresTestServer.CreateDatabaseAsync(purpose);
        await new SchemaMigrator().MigrateAsync(database);
        var keys = await Sql.ListAsync<string>(database, "SELECT querykey FROM orleansquery ORDER BY querykey");
        var texts = await Sql.ListAsync<string>(database, "SELECT querytext FROM orleansquery ORDER BY querykey");
        return keys.Zip(texts).ToDictionary(p => p.First, p => p.Second);
    }

    [GeneratedRegex(@"'(\w+)'")]
    private static partial Regex QuotedKey();

    [GeneratedRegex(@"@(\w+)")]
    private static partial Regex Parameter();
}
