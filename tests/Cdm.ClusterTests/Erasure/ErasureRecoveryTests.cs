using Cdm.Contracts.Identity;
using Cdm.Contracts.Ingestion;
using Cdm.Contracts.Privacy;
using Cdm.Contracts.Profiles;

namespace Cdm.ClusterTests.Erasure;

/// <summary>An erasure interrupted at a step is finished by the next request for it, whatever key that request names.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ErasureRecoveryTests(ClusterFixture fixture)
{
    private readonly TestRecords records = new();

    private IResolverGrain Resolver => fixture.Grains.GetGrain<IResolverGrain>(0);

    [Fact]
    public async Task InterruptedBeforeTheKeysAreReleased_TheProfileStaysClosed_AndARepeatFinishesTheSameErasure()
    {
        var email = records.Email("ivy");
        var created = await Resolver.IngestAsync(records.Record("ivy", attributes: [("email", email)], identifiers: [("crm_id", records.Id("ivy"))]));
        FaultInjection.FailNext("email:" + email, nameof(IIdentifierGrain.ForgetAsync));

        await Assert.ThrowsAnyAsync<Exception>(() => Resolver.EraseAsync(ProfileLookup.ByIdentifier("email", email)));
        var whileInterrupted = await Resolver.GetProfileAsync(ProfileLookup.ByIdentifier("email", email), includeVersions: false, ReadPurposes.PrivacyRequest);
        var refused = await Resolver.IngestAsync(records.Record("ivy-2", source: "shop", attributes: [("email", email)]));
        var finished = await Resolver.EraseAsync(ProfileLookup.ByIdentifier("email", email));
        var byOtherKey = await Resolver.EraseAsync(ProfileLookup.ByIdentifier("crm_id", records.Id("ivy")));

        Assert.Null(whileInterrupted);
        Assert.Equal(IngestStatus.Rejected, refused.Status);
        Assert.Equal(ErasureStatus.Completed, finished?.Status);
        Assert.Equal([created.ProfileId!], finished!.ProfileIds.ToArray());
        Assert.Equal(finished.ErasureId, byOtherKey?.ErasureId);
        Assert.Equal(8, finished.Steps.Length);
        Assert.Null(await fixture.Grains.GetGrain<IIdentifierGrain>("email:" + email).GetOwnerAsync());
    }

    [Fact]
    public async Task InterruptedAfterTheKeysAreReleased_ARepeatFindsTheErasureThroughTheSuppressionList()
    {
        var email = records.Email("jo");
        var created = await Resolver.IngestAsync(records.Record("jo", attributes: [("email", email)]));
        FaultInjection.FailNext(created.ProfileId!, nameof(IProfileGrain.CompleteErasureAsync));

        await Assert.ThrowsAnyAsync<Exception>(() => Resolver.EraseAsync(ProfileLookup.BySourceKey(records.Source(), "jo")));
        var route = await fixture.Grains.GetGrain<IProfileGrain>(created.ProfileId!).GetRouteAsync();
        var finished = await Resolver.EraseAsync(ProfileLookup.ByIdentifier("email", email));
        var receipt = await fixture.Grains.GetGrain<IErasureGrain>(finished!.ErasureId).GetReceiptAsync();

        // Closed but not yet a tombstone while interrupted; the keys were already released.
        Assert.True(route.Closed);
        Assert.Null(await fixture.Grains.GetGrain<IIdentifierGrain>("email:" + email).GetOwnerAsync());
        Assert.Equal(ErasureStatus.Completed, finished.Status);
        Assert.Equal((finished.ErasureId, finished.Counts, finished.CompletedAt), (receipt!.ErasureId, receipt.Counts, receipt.CompletedAt));
        Assert.Equal(finished.Steps.ToArray(), receipt.Steps.ToArray());
        Assert.Null(await Resolver.EraseAsync(ProfileLookup.ByIdentifier("email", records.Email("never-seen"))));
    }
}
