using Cdm.Contracts.Privacy;
using Cdm.Contracts.Ingestion;
using Cdm.Contracts.Profiles;
using Cdm.Contracts.Stewardship;
using Cdm.Testing;

namespace Cdm.ClusterTests.Identity;

/// <summary>Identity-graph limits with their default configuration, on a cluster of their own.</summary>
public sealed class IdentityGraphTests : IAsyncLifetime
{
    private readonly TestRecords records = new();
    private CdmTestCluster cluster = null!;

    private IResolverGrain Resolver => cluster.Grains.GetGrain<IResolverGrain>(0);

    public async Task InitializeAsync() => cluster = await CdmTestCluster.StartAsync();

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task ASharedFamilyEmail_DoesNotCollapseTwoCrmCustomers_AndTheConflictIsRecorded()
    {
        var family = records.Email("family");
        var father = await Resolver.IngestAsync(records.Record("dad", attributes: [("email", family), ("first_name", "Tom")], identifiers: [("crm_id", records.Id("c1"))]));
        var daughter = await Resolver.IngestAsync(records.Record("kid", attributes: [("email", family), ("first_name", "Amy")], identifiers: [("crm_id", records.Id("c2"))]));

        Assert.NotEqual(father.ProfileId, daughter.ProfileId);
        var dad = await Resolver.GetProfileAsync(ProfileLookup.ById(father.ProfileId!), false, ReadPurposes.Stewardship);
        Assert.Single(dad!.Members);
        // The email stays with the profile that had it first.
        Assert.Equal(father.ProfileId, (await Resolver.GetProfileAsync(ProfileLookup.ByIdentifier("email", family), false, ReadPurposes.Stewardship))!.ProfileId);

        var tasks = await Tasks();
        Assert.Contains(tasks, t => t.Kind == ReviewTask.LinkConflict && t.LeftSourceKey.EndsWith(":kid", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APhoneSharedByManyPeople_StopsLinkingAtTheEmailLimit()
    {
        // A call-centre number on the records of seven people, each with an email of their own.
        var outcomes = new List<IngestOutcome>();
        for (var i = 0; i < 7; i++)
        {
            outcomes.Add(await Resolver.IngestAsync(records.Record($"c{i}", attributes: [("email", records.Email($"caller{i}")), ("phone", "+61 2 9374 4000")])));
        }

        var first = await Resolver.GetProfileAsync(ProfileLookup.ById(outcomes[0].ProfileId!), false, ReadPurposes.Stewardship);
        var linkedEmails = first!.IdentifierKeys.Count(k => k.StartsWith("email:", StringComparison.Ordinal));
        Assert.Equal(5, linkedEmails);
        Assert.Equal(5, first.Members.Length);
        // The sixth and seventh keep profiles of their own, found by their own email.
        Assert.NotEqual(outcomes[0].ProfileId, outcomes[5].ProfileId);
        Assert.NotEqual(outcomes[0].ProfileId, outcomes[6].ProfileId);
        Assert.Equal(outcomes[6].ProfileId, (await Resolver.GetProfileAsync(ProfileLookup.ByIdentifier("email", records.Email("caller6")), false, ReadPurposes.Stewardship))!.ProfileId);
        Assert.Contains(await Tasks(), t => t.Kind == ReviewTask.LinkConflict && t.LeftSourceKey.EndsWith(":c5", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnIdentifierOverItsLimit_IsKeptOnTheRecordButNotLinked()
    {
        var crm = records.Id("one");
        for (var i = 0; i < 6; i++)
        {
            await Resolver.IngestAsync(records.Record($"e{i}", attributes: [("email", records.Email($"addr{i}"))], identifiers: [("crm_id", crm)]));
        }

        var profile = await Resolver.GetProfileAsync(ProfileLookup.ByIdentifier("crm_id", crm), true, ReadPurposes.Stewardship);
        Assert.Equal(6, profile!.Members.Length);
        var sixth = profile.Members.Single(m => m.RecordId == "e5").Current;
        Assert.Contains(sixth.QualityFlags, f => f.Attribute == "identifiers.email" && f.Issue.Contains("not linked", StringComparison.Ordinal));
        Assert.DoesNotContain(sixth.Identifiers, i => i.Type == "email");
        Assert.Equal(records.Email("addr5"), sixth.Attributes["email"]);
        Assert.Null(await Resolver.GetProfileAsync(ProfileLookup.ByIdentifier("email", records.Email("addr5")), false, ReadPurposes.Stewardship));
        Assert.Contains(await Tasks(), t => t.Kind == ReviewTask.IdentifierLimit && t.LeftSourceKey.EndsWith(":e5", StringComparison.Ordinal));
    }

    private async Task<List<ReviewTask>> Tasks()
    {
        var all = new List<ReviewTask>();
        for (var p = 0; p < IReviewQueueGrain.Partitions; p++)
        {
            all.AddRange(await cluster.Grains.GetGrain<IReviewQueueGrain>(p).ListAsync(null));
        }

        return all;
    }
}
