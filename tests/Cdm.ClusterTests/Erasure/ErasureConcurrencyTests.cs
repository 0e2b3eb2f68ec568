using System.Collections.Concurrent;
using Cdm.Contracts.Identity;
using Cdm.Contracts.Ingestion;
using Cdm.Contracts.Privacy;
using Cdm.Contracts.Profiles;
using Cdm.Contracts.Records;

namespace Cdm.ClusterTests.Erasure;

/// <summary>An erasure running while records of the same person keep arriving in parallel.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ErasureConcurrencyTests(ClusterFixture fixture)
{
    private readonly TestRecords records = new();

    private IResolverGrain Resolver => fixture.Grains.GetGrain<IResolverGrain>(0);

    [Fact]
    public async Task ErasureDuringParallelIngest_EveryRecordIsErasedOrRefused_AndNothingOfThePersonRemains()
    {
        var email = records.Email("ada");
        var phone = TestPhones.Mobile(records.Prefix);
        var seeded = await Resolver.IngestAsync(records.Record("seed", attributes: [("email", email), ("phone", phone)]));
        Assert.Equal(IngestStatus.Created, seeded.Status);

        // Each record carries the person's email or phone, and a key of its own.
        var batch = Enumerable.Range(0, 160).Select(i => records.Record(
            $"r{i}",
            source: i % 2 == 0 ? "crm" : "shop",
            attributes: i % 3 == 0 ? [("phone", phone)] : [("email", email)],
            identifiers: [("loyalty_id", records.Id($"l{i}"))])).ToList();
        var outcomes = new ConcurrentDictionary<string, IngestOutcome>();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var ingest = Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (record, _) =>
        {
            outcomes[record.RecordId] = await Resolver.IngestAsync(record);
            if (outcomes.Count == 20)
            {
                started.TrySetResult();
            }
        });
        await started.Task;
        var receipt = await Resolver.EraseAsync(ProfileLookup.ByIdentifier("email", email));
        await ingest;

        Assert.Equal(ErasureStatus.Completed, receipt?.Status);
        var erased = receipt!.ProfileIds.ToHashSet();
        Assert.Contains(seeded.ProfileId!, erased);
        var accepted = outcomes.Where(o => o.Value.Status != IngestStatus.Rejected).ToList();
        Assert.NotEmpty(accepted);
        Assert.Equal(accepted.Count + 1, receipt.Counts.Records);
        foreach (var (recordId, outcome) in outcomes)
        {
            if (outcome.Status == IngestStatus.Rejected)
            {
                Assert.NotEmpty(outcome.Violations);
                continue;
            }

            // Accepted before the profile closed: erased with it, and its own keys released.
            Assert.Contains(await fixture.Grains.TerminalOfAsync(outcome.ProfileId!), erased);
            Assert.Null(await fixture.Grains.GetGrain<IIdentifierGrain>(SourceKeys.For(batch.Single(r => r.RecordId == recordId).Source, recordId)).GetOwnerAsync());
        }

        Assert.Null(await fixture.Grains.GetGrain<IIdentifierGrain>("email:" + email).GetOwnerAsync());
        Assert.Null(await fixture.Grains.GetGrain<IIdentifierGrain>("phone:" + phone).GetOwnerAsync());
        Assert.Null(await Resolver.GetProfileAsync(ProfileLookup.ByIdentifier("phone", phone), includeVersions: false, ReadPurposes.PrivacyRequest));
        await foreach (var entry in fixture.Grains.GetGrain<ICrossReferenceGrain>(Random.Shared.NextInt64()).ListAsync(null))
        {
            Assert.DoesNotContain(records.Prefix, entry.Source, StringComparison.Ordinal);
        }

        // And the person does not come back: every record of the batch is refused now.
        foreach (var record in batch.Take(12))
        {
            Assert.Equal(IngestStatus.Rejected, (await Resolver.IngestAsync(record)).Status);
        }
    }
}

internal static class TerminalRoutes
{
    /// <summary>The profile at the end of a profile's merge redirects.</summary>
    public static async Task<string> TerminalOfAsync(this IGrainFactory grains, string profileId)
    {
        var current = profileId;
        for (var hop = 0; hop < 64; hop++)
        {
            var route = await grains.GetGrain<IProfileGrain>(current).GetRouteAsync();
            if (route.Target is null)
            {
                return current;
            }

            current = route.Target;
        }

        throw new InvalidOperationException($"{profileId}: no end of redirects within 64 hops.");
    }
}
