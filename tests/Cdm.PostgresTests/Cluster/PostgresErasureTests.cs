using Cdm.Contracts.Ingestion;
using Cdm.Contracts.Privacy;
using Cdm.Contracts.Profiles;
using Cdm.Testing;

namespace Cdm.PostgresTests.Cluster;

/// <summary>Erasure on two silos whose grain state is in PostgreSQL, checked with SQL over every table.</summary>
[Collection(GroupCommitClusterCollection.Name)]
public sealed class PostgresErasureTests(GroupCommitClusterFixture fixture)
{
    private readonly TestRecords records = new();

    private IResolverGrain Resolver => fixture.Grains.GetGrain<IResolverGrain>(0);

    [Fact]
    public async Task Erasure_LeavesNoTraceInAnyTable_AndBlocksRecreationOnEverySilo()
    {
        var name = new string([.. records.Prefix.Select(static c => (char)('a' + (char.IsDigit(c) ? c - '0' : c - 'a' + 10)))]);
        var erasedValues = new[] { records.Email("gone"), "Gone" + name, records.Id("gone-crm"), "gone-a-" + records.Prefix, "gone-b-" + records.Prefix };
        var keptValues = new[] { records.Email("kept"), "Kept" + name, "kept-" + records.Prefix };
        var first = records.Record("gone-a-" + records.Prefix, attributes: [("email", erasedValues[0]), ("last_name", erasedValues[1])]);
        // A second profile with its own crm id, then a record bridging the two: a merge, so the erasure takes a merged tombstone too.
        var second = records.Record("gone-b-" + records.Prefix, source: "shop", identifiers: [("crm_id", erasedValues[2])]);
        var bridge = records.Record("gone-c-" + records.Prefix, attributes: [("email", erasedValues[0])], identifiers: [("crm_id", erasedValues[2])]);
        foreach (var record in new[] { first, second, bridge, records.Record(keptValues[2], attributes: [("email", keptValues[0]), ("last_name", keptValues[1])]) })
        {
            Assert.NotEqual(IngestStatus.Rejected, (await Resolver.IngestAsync(record)).Status);
        }

        var receipt = await Resolver.EraseAsync(ProfileLookup.ByIdentifier("crm_id", erasedValues[2]));

        Assert.NotNull(receipt);
        Assert.Equal(ErasureStatus.Completed, receipt.Status);
        Assert.Equal(2, receipt.ProfileIds.Length);
        Assert.Equal(3, receipt.Counts.Records);
        Assert.Empty(await StoredValueSearch.InPostgresAsync(fixture.ConnectionString, erasedValues));
        Assert.Equal(keptValues.Length, (await StoredValueSearch.InPostgresAsync(fixture.ConnectionString, keptValues)).Select(h => h[(h.IndexOf(": ", StringComparison.Ordinal) + 2)..]).Distinct().Count());

        // Every silo refuses the person's keys: ingests go to a resolver on whichever silo the call lands on.
        for (var i = 0; i < 8; i++)
        {
            var returned = await Resolver.IngestAsync(records.Record($"again-{i}-{records.Prefix}", source: "web", attributes: [("email", erasedValues[0])]));
            Assert.Equal(IngestStatus.Rejected, returned.Status);
            Assert.Equal(["attributes.email"], returned.Violations.Select(v => v.Field));
        }

        Assert.Null(await Resolver.GetProfileAsync(ProfileLookup.ByIdentifier("email", erasedValues[0]), includeVersions: false, ReadPurposes.PrivacyRequest));
        Assert.Equal(receipt.ErasureId, (await Resolver.EraseAsync(ProfileLookup.ByIdentifier("email", erasedValues[0])))?.ErasureId);
    }
}
