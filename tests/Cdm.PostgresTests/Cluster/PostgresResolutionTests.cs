using Cdm.Contracts.Privacy;
using Cdm.Contracts.Identity;
using Cdm.Contracts.Ingestion;
using Cdm.Contracts.Profiles;
using Cdm.Contracts.Records;
using Npgsql;

namespace Cdm.PostgresTests.Cluster;

/// <summary>The real resolution on two silos whose grain state is in PostgreSQL.</summary>
[Collection(GroupCommitClusterCollection.Name)]
public sealed class PostgresResolutionTests(GroupCommitClusterFixture fixture)
{
    private readonly TestRecords records = new();

    private IResolverGrain Resolver => fixture.Grains.GetGrain<IResolverGrain>(0);

    [Fact]
    public async Task SharedIdentifiers_LinkAndMerge_AndTheStatesAreInPostgres()
    {
        var a = await Resolver.IngestAsync(records.Record("a", attributes: [("email", records.Email("a")), ("first_name", "Ada")]));
        var linked = await Resolver.IngestAsync(records.Record("l", source: "shop", attributes: [("email", records.Email("a")), ("last_name", "Lovelace")]));
        var b = await Resolver.IngestAsync(records.Record("b", identifiers: [("crm_id", records.Id("b"))]));
        var bridge = await Resolver.IngestAsync(records.Record("c", attributes: [("email", records.Email("a"))], identifiers: [("crm_id", records.Id("b"))]));

        Assert.Equal((IngestStatus.Created, IngestStatus.Linked, IngestStatus.Created, IngestStatus.Merged), (a.Status, linked.Status, b.Status, bridge.Status));
        var survivor = string.CompareOrdinal(a.ProfileId, b.ProfileId) < 0 ? a.ProfileId! : b.ProfileId!;
        var profile = await Resolver.GetProfileAsync(ProfileLookup.ByIdentifier("crm_id", records.Id("b")), includeVersions: false, ReadPurposes.Stewardship);
        Assert.Equal(survivor, profile?.ProfileId);
        Assert.Equal(["a", "b", "c", "l"], profile!.Members.Select(m => m.RecordId).Order(StringComparer.Ordinal));
        Assert.Contains(profile.Golden, g => g.Attribute == "first_name" && g.Value == "Ada");
        Assert.Contains(profile.Golden, g => g.Attribute == "last_name" && g.Value == "Lovelace");
        Assert.Equal(survivor, await fixture.Grains.GetGrain<IIdentifierGrain>("email:" + records.Email("a")).GetOwnerAsync());

        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var stored = new NpgsqlCommand(
            "SELECT convert_from(payload, 'UTF8')::jsonb ->> 'Status', state_type FROM cdm_grain_state WHERE grain_type = 'profile' AND grain_key = $1",
            connection);
        stored.Parameters.Add(new NpgsqlParameter { Value = survivor });
        await using var reader = await stored.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"profile {survivor} has no row in cdm_grain_state");
        Assert.Equal(("Active", "cdm.ProfileState"), (reader.GetString(0), reader.GetString(1)));
    }

    [Fact]
    public async Task ParallelIngest_AcrossTwoSilos_EndsAsConnectedComponents()
    {
        var random = new Random(20261128);
        var batch = Enumerable.Range(0, 400).Select(i => records.Record(
            $"r{i}",
            source: i % 2 == 0 ? "crm" : "shop",
            attributes: random.NextDouble() < 0.7 ? [("email", records.Email($"p{random.Next(150)}"))] : [],
            identifiers: random.NextDouble() < 0.5 ? [("crm_id", records.Id($"c{random.Next(120)}"))] : [])).ToList();

        var outcomes = new IngestOutcome[batch.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, batch.Count), new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (i, _) => outcomes[i] = await Resolver.IngestAsync(batch[i]));
        var actual = await ListProfilesAsync();

        Assert.DoesNotContain(outcomes, o => o.Status == IngestStatus.Rejected);
        Assert.Equal(batch.Count, actual.Count);
        var expected = ExpectedComponents(batch);
        var profileOfComponent = new Dictionary<string, string>();
        var componentOfProfile = new Dictionary<string, string>();
        foreach (var record in batch)
        {
            var (component, profile) = (expected[record.RecordId], actual[record.RecordId]);
            Assert.True(profileOfComponent.TryAdd(component, profile) || profileOfComponent[component] == profile,
                $"record {record.RecordId}: its component is in {profileOfComponent[component]}, the record in {profile}");
            Assert.True(componentOfProfile.TryAdd(profile, component) || componentOfProfile[profile] == component,
                $"profile {profile} holds records of two components");
        }
    }

    /// <summary>Every record of this test with its profile, through the cross references (a scan of PostgreSQL).</summary>
    private async Task<Dictionary<string, string>> ListProfilesAsync()
    {
        var mine = new HashSet<string> { records.Source("crm"), records.Source("shop") };
        var actual = new Dictionary<string, string>();
        await foreach (var entry in fixture.Grains.GetGrain<ICrossReferenceGrain>(Random.Shared.NextInt64()).ListAsync(null))
        {
            if (mine.Contains(entry.Source))
            {
                Assert.True(actual.TryAdd(entry.RecordId, entry.ProfileId), $"record {entry.RecordId} listed twice");
            }
        }

        return actual;
    }

    /// <summary>Union-find over the records' raw identifiers (all already normal: lower-case emails, plain ids).</summary>
    private static Dictionary<string, string> ExpectedComponents(List<IncomingRecord> batch)
    {
        var parent = new Dictionary<string, string>();
        string Find(string x)
        {
            while (parent.GetValueOrDefault(x, x) is var p && p != x)
            {
                x = p;
            }

            return x;
        }

        foreach (var record in batch)
        {
            var node = "rec:" + record.RecordId;
            var keys = record.Attributes.Where(a => a.Key == "email").Select(a => "email:" + a.Value)
                .Concat(record.Identifiers.Select(i => i.Type + ":" + i.Value));
            foreach (var key in keys)
            {
                var (x, y) = (Find(node), Find(key));
                if (x != y)
                {
                    parent[x] = y;
                }
            }
        }

        return batch.ToDictionary(r => r.RecordId, r => Find("rec:" + r.RecordId));
    }
}
