using Cdm.Contracts.Privacy;
using Cdm.Contracts.Identity;
using Cdm.Contracts.Ingestion;
using Cdm.Contracts.Profiles;
using Cdm.Grains.Profiles;

namespace Cdm.ClusterTests.Identity;

/// <summary>
/// DESIGN rule 5: a merge saga interrupted at any step is finished from the journal, and the record
/// whose ingest was interrupted lands once on retry.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class MergeSagaRecoveryTests(ClusterFixture fixture)
{
    private readonly TestRecords records = new();

    private IResolverGrain Resolver => fixture.Grains.GetGrain<IResolverGrain>(0);

    [Theory]
    [InlineData("survivor", "AbsorbAsync")]
    [InlineData("loser", "CompleteMergeAsync")]
    [InlineData("identifier", "RepointAsync")]
    public async Task InterruptedMerge_IsFinishedByTheJournal(string where, string method)
    {
        var email = records.Email("m");
        var crmId = records.Id("m");
        var a = await Resolver.IngestAsync(records.Record("a", attributes: [("email", email)]));
        var b = await Resolver.IngestAsync(records.Record("b", identifiers: [("crm_id", crmId)]));
        var survivor = string.CompareOrdinal(a.ProfileId, b.ProfileId) < 0 ? a.ProfileId! : b.ProfileId!;
        var loser = survivor == a.ProfileId ? b.ProfileId! : a.ProfileId!;
        var faultKey = where switch
        {
            "survivor" => survivor,
            "loser" => loser,
            _ => survivor == a.ProfileId ? $"crm_id:{crmId}" : $"email:{email}",
        };
        FaultInjection.FailNext(faultKey, method);

        var bridge = records.Record("c", attributes: [("email", email)], identifiers: [("crm_id", crmId)]);
        await Assert.ThrowsAnyAsync<Exception>(() => Resolver.IngestAsync(bridge));

        // Interrupted: the loser is handing over and the journal still holds the saga.
        var journal = fixture.Grains.GetGrain<IMergeJournalGrain>(MergeJournalPartitions.For(loser));
        Assert.Equal(survivor, (await fixture.Grains.GetGrain<IProfileGrain>(loser).GetRouteAsync()).Target);

        var left = await journal.WakeAsync();

        Assert.DoesNotContain(left, m => m.Loser == loser);
        var merged = await Resolver.GetProfileAsync(ProfileLookup.ById(loser), false, ReadPurposes.Stewardship);
        Assert.Equal(survivor, merged!.ProfileId);
        Assert.Equal(["a", "b"], merged.Members.Select(m => m.RecordId).Order());
        Assert.Equal(survivor, await fixture.Grains.GetGrain<IIdentifierGrain>($"email:{email}").GetOwnerAsync());
        Assert.Equal(survivor, await fixture.Grains.GetGrain<IIdentifierGrain>($"crm_id:{crmId}").GetOwnerAsync());

        // The client's retry of the interrupted record lands once.
        var retried = await Resolver.IngestAsync(bridge);
        Assert.Equal(survivor, retried.ProfileId);
        var final = await Resolver.GetProfileAsync(ProfileLookup.ById(survivor), false, ReadPurposes.Stewardship);
        Assert.Equal(["a", "b", "c"], final!.Members.Select(m => m.RecordId).Order());
    }
}
