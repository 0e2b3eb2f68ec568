using Cdm.Contracts.Identity;
using Cdm.Contracts.Ingestion;
using Cdm.Contracts.Profiles;
using Cdm.Contracts.Records;
using Cdm.Grains.Ingestion;
using Cdm.Grains.Normalisation;
using Xunit.Abstractions;

namespace Cdm.ClusterTests.Identity;

/// <summary>
/// DESIGN rules 2 to 4 under real concurrency: thousands of records with overlapping identifiers,
/// ingested in parallel in random order (some twice at once), must end as exactly the connected
/// components of the shared-identifier graph, computed here independently, with no record lost.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RandomizedResolutionTests(ClusterFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData(20261128, 3000)]
    [InlineData(7, 2000)]
    public async Task ParallelIngest_EndsAsConnectedComponents(int seed, int count)
    {
        var records = new TestRecords();
        var random = new Random(seed);
        var batch = Generate(records, random, count);
        var sends = batch.Concat(batch.Where((_, i) => i % 10 == 0)).OrderBy(_ => random.Next()).ToList();

        var resolver = fixture.Grains.GetGrain<IResolverGrain>(0);
        var outcomes = new IngestOutcome[sends.Count];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, sends.Count), new ParallelOptions { MaxDegreeOfParallelism = 64 },
            async (i, _) => outcomes[i] = await resolver.IngestAsync(sends[i]));
        output.WriteLine($"ingested {sends.Count} in {clock.Elapsed}");
        Assert.DoesNotContain(outcomes, o => o.Status == IngestStatus.Rejected);

        var expected = ExpectedComponents(batch);
        var actual = await ActualProfilesAsync(records);
        output.WriteLine($"{batch.Count} records, {expected.Select(e => e.Value).Distinct().Count()} components, {actual.Values.Distinct().Count()} profiles");

        // Nothing lost, nothing twice: every record is in exactly one active profile.
        Assert.Equal(batch.Count, actual.Count);
        // Same partition: two records share a profile exactly when they share a component.
        var componentToProfile = new Dictionary<string, string>();
        var profileToComponent = new Dictionary<string, string>();
        foreach (var (recordId, profile) in actual)
        {
            var component = expected[recordId];
            Assert.Equal(profile, componentToProfile.GetValueOrDefault(component, profile));
            Assert.Equal(component, profileToComponent.GetValueOrDefault(profile, component));
            componentToProfile[component] = profile;
            profileToComponent[profile] = component;
        }

        // Rule 3: every identifier leads, through merge redirects, to the profile holding its records.
        var normaliser = new RecordNormaliser(new NormalisationOptions(), TimeProvider.System);
        foreach (var record in batch.Take(300))
        {
            var version = normaliser.Normalise(record, DateTimeOffset.UtcNow).Version!;
            foreach (var key in version.Identifiers.Select(i => i.Key).Append(version.SourceKey))
            {
                var owner = await fixture.Grains.GetGrain<IIdentifierGrain>(key).GetOwnerAsync();
                Assert.NotNull(owner);
                Assert.Equal(actual[record.RecordId], await fixture.Grains.TerminalAsync(owner));
            }
        }
    }

    private static List<IncomingRecord> Generate(TestRecords records, Random random, int count)
    {
        // Pools sized so that components of every size appear, from singletons to large chains.
        var emails = count / 2;
        var crmIds = count / 3;
        var loyaltyIds = count / 4;
        var sources = new[] { "crm", "shop", "support" };
        var batch = new List<IncomingRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var attributes = new List<(string, string)> { ("first_name", $"Name{random.Next(50)}") };
            var identifiers = new List<(string, string)>();
            if (random.NextDouble() < 0.6)
            {
                attributes.Add(("email", records.Email($"p{random.Next(emails)}")));
            }

            if (random.NextDouble() < 0.4)
            {
                identifiers.Add(("crm_id", records.Id($"c{random.Next(crmIds)}")));
            }

            if (random.NextDouble() < 0.3)
            {
                identifiers.Add(("loyalty_id", records.Id($"l{random.Next(loyaltyIds)}")));
            }

            if (random.NextDouble() < 0.05)
            {
                // Junk that must never link.
                attributes.Add(("phone", "000-000-0000"));
            }

            batch.Add(records.Record($"r{i}", source: sources[i % sources.Length], attributes: attributes, identifiers: identifiers));
        }

        return batch;
    }

    /// <summary>Union-find over the normalised identifiers, independent of the service.</summary>
    private static Dictionary<string, string> ExpectedComponents(List<IncomingRecord> batch)
    {
        var normaliser = new RecordNormaliser(new NormalisationOptions(), TimeProvider.System);
        var parent = new Dictionary<string, string>();
        string Find(string x)
        {
            while (parent.TryGetValue(x, out var p) && p != x)
            {
                parent[x] = parent.GetValueOrDefault(p, p);
                x = p;
            }

            return x;
        }

        foreach (var record in batch)
        {
            var node = "rec:" + record.RecordId;
            parent.TryAdd(node, node);
            foreach (var identifier in normaliser.Normalise(record, DateTimeOffset.UtcNow).Version!.Identifiers)
            {
                parent.TryAdd(identifier.Key, identifier.Key);
                var (a, b) = (Find(node), Find(identifier.Key));
                if (a != b)
                {
                    parent[a] = b;
                }
            }
        }

        return batch.ToDictionary(r => r.RecordId, r => Find("rec:" + r.RecordId));
    }

    private async Task<Dictionary<string, string>> ActualProfilesAsync(TestRecords records)
    {
        var mine = new HashSet<string> { records.Source("crm"), records.Source("shop"), records.Source("support") };
        var actual = new Dictionary<string, string>();
        await foreach (var entry in fixture.Grains.GetGrain<ICrossReferenceGrain>(Random.Shared.NextInt64()).ListAsync(null))
        {
            if (mine.Contains(entry.Source))
            {
                Assert.True(actual.TryAdd(entry.RecordId, entry.ProfileId), $"record {entry.RecordId} listed twice: {actual.GetValueOrDefault(entry.RecordId)} and {entry.ProfileId}");
            }
        }

        return actual;
    }
}
