using Cdm.Contracts.Privacy;
using Cdm.Contracts.Identity;
using Cdm.Contracts.Ingestion;
using Cdm.Contracts.Profiles;
using Cdm.Contracts.Records;

namespace Cdm.ClusterTests.Identity;

[Collection(ClusterCollection.Name)]
public sealed class ResolutionTests(ClusterFixture fixture)
{
    private readonly TestRecords records = new();

    private IResolverGrain Resolver => fixture.Grains.GetGrain<IResolverGrain>(0);

    [Fact]
    public async Task NewRecord_CreatesProfileFoundByEveryKey()
    {
        var email = records.Email("ada");
        var outcome = await Resolver.IngestAsync(records.Record("1", attributes: [("first_name", "Ada"), ("email", email.ToUpperInvariant())]));

        Assert.Equal(IngestStatus.Created, outcome.Status);
        var byEmail = await Resolver.GetProfileAsync(ProfileLookup.ByIdentifier("email", $"  {email} "), false, ReadPurposes.Stewardship);
        var bySource = await Resolver.GetProfileAsync(ProfileLookup.BySourceKey(records.Source(), "1"), false, ReadPurposes.Stewardship);
        Assert.Equal(outcome.ProfileId, byEmail?.ProfileId);
        Assert.Equal(outcome.ProfileId, bySource?.ProfileId);
        Assert.Contains(byEmail!.Golden, g => g.Attribute == "email" && g.Value == email && g.Lineage.RecordId == "1");
    }

    [Fact]
    public async Task NewRecordWithIdentifiers_IsLinkedAsNewProfile()
    {
        var outcome = await Resolver.IngestAsync(records.Record("n", attributes: [("email", records.Email("n"))], identifiers: [("crm_id", records.Id("n"))]));

        var profile = await Resolver.GetProfileAsync(ProfileLookup.ById(outcome.ProfileId!), false, ReadPurposes.Stewardship);
        Assert.Equal("new profile", Assert.Single(profile!.Members).LinkReason);
    }

    [Fact]
    public async Task Seal_RetiresOnlyAProfileThatNeverHeldAnything()
    {
        var held = await Resolver.IngestAsync(records.Record("s", attributes: [("email", records.Email("s"))]));
        var empty = fixture.Grains.GetGrain<IProfileGrain>("p-empty-" + records.Prefix);

        Assert.True(await empty.SealAsync(held.ProfileId!));
        Assert.False(await fixture.Grains.GetGrain<IProfileGrain>(held.ProfileId!).SealAsync("p-empty-" + records.Prefix));
        Assert.Equal(held.ProfileId, (await empty.GetRouteAsync()).Target);
        Assert.Equal(held.ProfileId, (await Resolver.GetProfileAsync(ProfileLookup.ById("p-empty-" + records.Prefix), false, ReadPurposes.Stewardship))!.ProfileId);
    }

    [Fact]
    public async Task SharedEmail_LinksIntoOneProfileWithReason()
    {
        var email = records.Email("grace");
        var first = await Resolver.IngestAsync(records.Record("1", attributes: [("email", email), ("last_name", "Hopper")]));
        var second = await Resolver.IngestAsync(records.Record("7", source: "shop", attributes: [("email", email), ("first_name", "Grace")]));

        Assert.Equal(IngestStatus.Linked, second.Status);
        Assert.Equal(first.ProfileId, second.ProfileId);
        var profile = await Resolver.GetProfileAsync(ProfileLookup.ById(first.ProfileId!), false, ReadPurposes.Stewardship);
        Assert.Equal(2, profile!.Members.Length);
        var linked = profile.Members.Single(m => m.Source == records.Source("shop"));
        Assert.Equal($"identifier email:{email}", linked.LinkReason);
        Assert.Contains(profile.Golden, g => g.Attribute == "first_name" && g.Value == "Grace");
        Assert.Contains(profile.Golden, g => g.Attribute == "last_name" && g.Value == "Hopper");
    }

    [Fact]
    public async Task RecordJoiningTwoProfiles_MergesIntoSmallerIdAndForwards()
    {
        var a = await Resolver.IngestAsync(records.Record("a", attributes: [("email", records.Email("a"))]));
        var b = await Resolver.IngestAsync(records.Record("b", identifiers: [("crm_id", records.Id("b"))]));
        var bridge = await Resolver.IngestAsync(records.Record("c", attributes: [("email", records.Email("a"))], identifiers: [("crm_id", records.Id("b"))]));

        Assert.Equal(IngestStatus.Merged, bridge.Status);
        var survivor = string.CompareOrdinal(a.ProfileId, b.ProfileId) < 0 ? a.ProfileId! : b.ProfileId!;
        var loser = survivor == a.ProfileId ? b.ProfileId! : a.ProfileId!;
        Assert.Equal(survivor, bridge.ProfileId);
        Assert.Equal([loser], bridge.MergedProfileIds.ToArray());

        var viaLoser = await Resolver.GetProfileAsync(ProfileLookup.ById(loser), false, ReadPurposes.Stewardship);
        Assert.Equal(survivor, viaLoser!.ProfileId);
        Assert.Equal(loser, viaLoser.RequestedProfileId);
        Assert.Equal(3, viaLoser.Members.Length);
        Assert.Contains(loser, viaLoser.MergedProfileIds);

        var history = await Resolver.GetHistoryAsync(loser, ReadPurposes.Stewardship);
        var absorbed = Assert.Single(history!.Entries, e => e.Kind == HistoryKind.Absorbed);
        Assert.Equal(loser, absorbed.OtherProfileId);
        Assert.Contains("src:" + records.Source() + ":c", absorbed.Reason);

        // Every identifier of the loser was re-pointed to the survivor (compare-and-set in the saga).
        foreach (var key in viaLoser.IdentifierKeys)
        {
            Assert.Equal(survivor, await fixture.Grains.GetGrain<IIdentifierGrain>(key).GetOwnerAsync());
        }
    }

    [Fact]
    public async Task ResentRecord_ChangesNothing()
    {
        var record = records.Record("1", observedAt: DateTimeOffset.Parse("2024-01-01T00:00:00Z"), attributes: [("email", records.Email("x"))]);
        var first = await Resolver.IngestAsync(record);
        var again = await Resolver.IngestAsync(record);

        Assert.Equal(IngestStatus.Unchanged, again.Status);
        Assert.Equal(first.ProfileId, again.ProfileId);
        var profile = await Resolver.GetProfileAsync(ProfileLookup.ById(first.ProfileId!), true, ReadPurposes.Stewardship);
        Assert.Equal(1, Assert.Single(profile!.Members).VersionCount);
    }

    [Fact]
    public async Task NewVersion_ReplacesOldInGoldenAndKeepsHistory()
    {
        var old = records.Record("1", observedAt: DateTimeOffset.Parse("2024-01-01T00:00:00Z"), attributes: [("city", "Perth")]);
        var newer = records.Record("1", observedAt: DateTimeOffset.Parse("2024-06-01T00:00:00Z"), attributes: [("city", "Hobart")]);
        var older = records.Record("1", observedAt: DateTimeOffset.Parse("2023-01-01T00:00:00Z"), attributes: [("city", "Darwin")]);

        await Resolver.IngestAsync(old);
        var updated = await Resolver.IngestAsync(newer);
        var late = await Resolver.IngestAsync(older);

        Assert.Equal(IngestStatus.Updated, updated.Status);
        Assert.Equal(IngestStatus.Updated, late.Status);
        var profile = await Resolver.GetProfileAsync(ProfileLookup.BySourceKey(records.Source(), "1"), true, ReadPurposes.Stewardship);
        var member = Assert.Single(profile!.Members);
        Assert.Equal(3, member.VersionCount);
        Assert.Equal(["Darwin", "Perth", "Hobart"], member.Versions.Select(v => v.Attributes["city"]));
        // The latest observed version is current, whatever the arrival order.
        Assert.Equal("Hobart", profile.Golden.Single(g => g.Attribute == "city").Value);
    }

    [Fact]
    public async Task DeletedRecord_LeavesProfileAndGoldenIsRecomputed()
    {
        var email = records.Email("del");
        var kept = await Resolver.IngestAsync(records.Record("keep", observedAt: DateTimeOffset.Parse("2020-01-01T00:00:00Z"), attributes: [("email", email), ("city", "Perth")]));
        await Resolver.IngestAsync(records.Record("gone", observedAt: DateTimeOffset.Parse("2024-01-01T00:00:00Z"), attributes: [("email", email), ("city", "Sydney")]));
        Assert.Equal("Sydney", (await Resolver.GetProfileAsync(ProfileLookup.ById(kept.ProfileId!), false, ReadPurposes.Stewardship))!.Golden.Single(g => g.Attribute == "city").Value);

        var deleted = await Resolver.DeleteAsync(records.Source(), "gone");
        var again = await Resolver.DeleteAsync(records.Source(), "gone");

        Assert.True(deleted.Deleted);
        Assert.False(again.Deleted);
        var profile = await Resolver.GetProfileAsync(ProfileLookup.ById(kept.ProfileId!), false, ReadPurposes.Stewardship);
        Assert.Equal("keep", Assert.Single(profile!.Members).RecordId);
        Assert.Equal("Perth", profile.Golden.Single(g => g.Attribute == "city").Value);
    }

    [Fact]
    public async Task BlockedAndInvalidValues_NeverLink()
    {
        var first = await Resolver.IngestAsync(records.Record("1", attributes: [("email", "test@test.com"), ("phone", "000-000-0000")]));
        var second = await Resolver.IngestAsync(records.Record("2", attributes: [("email", "test@test.com"), ("phone", "000-000-0000")]));
        var invalid1 = await Resolver.IngestAsync(records.Record("3", attributes: [("email", "not an email")]));
        var invalid2 = await Resolver.IngestAsync(records.Record("4", attributes: [("email", "not an email")]));

        Assert.Equal(IngestStatus.Created, second.Status);
        Assert.NotEqual(first.ProfileId, second.ProfileId);
        Assert.NotEqual(invalid1.ProfileId, invalid2.ProfileId);
        Assert.Contains(invalid1.QualityFlags, f => f.Attribute == "email");
    }

    [Fact]
    public async Task InvalidRecord_IsRejectedAndNothingIsStored()
    {
        var outcome = await Resolver.IngestAsync(records.Record("", attributes: [("email", records.Email("r"))]));

        Assert.Equal(IngestStatus.Rejected, outcome.Status);
        Assert.Contains(outcome.Violations, v => v.Field == "record_id");
        Assert.Null(await Resolver.GetProfileAsync(ProfileLookup.ByIdentifier("email", records.Email("r")), false, ReadPurposes.Stewardship));
    }
}
