using System.Collections.Immutable;
using System.Text.Json;
using Cdm.Contracts.Consent;
using Cdm.Contracts.Ingestion;
using Cdm.Contracts.Profiles;
using Cdm.Contracts.Records;
using Cdm.Grains.Profiles;
using Cdm.Silo.Storage;

namespace Cdm.UnitTests.Profiles;

public sealed class ProfileStateTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-01-01T00:00:00Z");

    [Fact]
    public void AddVersion_FirstCreatesThenLinksThenUpdates()
    {
        var state = new ProfileState();

        Assert.Equal(IngestStatus.Created, state.AddVersion(Version("crm", "1", "h1", 1, ("city", "Perth")), "new profile", Now));
        Assert.Equal(IngestStatus.Linked, state.AddVersion(Version("shop", "9", "h2", 1, ("email", "a@b.net")), "identifier email:a@b.net", Now));
        Assert.Equal(IngestStatus.Updated, state.AddVersion(Version("crm", "1", "h3", 2, ("city", "Hobart")), "ignored", Now));
        Assert.Equal(IngestStatus.Unchanged, state.AddVersion(Version("crm", "1", "h1", 1, ("city", "Perth")), "ignored", Now));

        Assert.Equal(2, state.Members.Count);
        Assert.Equal("Hobart", state.Members["src:crm:1"].Current.Attributes["city"]);
        Assert.Equal("new profile", state.Members["src:crm:1"].LinkReason);
        Assert.Contains("src:shop:9", state.IdentifierKeys);
        Assert.Contains("email:a@b.net", state.IdentifierKeys);
        Assert.Equal([HistoryKind.RecordAdded, HistoryKind.RecordAdded, HistoryKind.RecordUpdated], state.History.Select(h => h.Kind));
    }

    [Fact]
    public void MemberVersions_AreOrderedByObservedAtNotArrival()
    {
        var member = new MemberState();

        member.TryAddVersion(Version("crm", "1", "b", 5));
        member.TryAddVersion(Version("crm", "1", "a", 1));
        member.TryAddVersion(Version("crm", "1", "c", 9));
        var duplicate = member.TryAddVersion(Version("crm", "1", "a", 1));

        Assert.False(duplicate);
        Assert.Equal(["a", "b", "c"], member.Versions.Select(v => v.ContentHash));
        Assert.Equal("c", member.Current.ContentHash);
    }

    [Fact]
    public void Absorb_IsIdempotentAndKeepsEverything()
    {
        var loser = new ProfileState();
        loser.AddVersion(Version("crm", "2", "x", 1, ("email", "l@b.net")), "new profile", Now.AddDays(-3));
        loser.MergedProfileIds.Add("p-older");
        var survivor = new ProfileState();
        survivor.AddVersion(Version("crm", "1", "y", 1), "new profile", Now.AddDays(-1));
        var snapshot = loser.Snapshot("p-loser");

        Assert.True(survivor.Absorb(snapshot, "shared email", Now));
        Assert.False(survivor.Absorb(snapshot, "shared email", Now));

        Assert.Equal(["src:crm:1", "src:crm:2"], survivor.Members.Keys.Order());
        Assert.Contains("email:l@b.net", survivor.IdentifierKeys);
        Assert.Equal(["p-loser", "p-older"], survivor.MergedProfileIds);
        Assert.Equal(Now.AddDays(-3), survivor.CreatedAt);
        Assert.Single(survivor.History, h => h.Kind == HistoryKind.Absorbed && h.OtherProfileId == "p-loser");
        Assert.Equal(survivor.History.OrderBy(h => h.At).Select(h => h.At), survivor.History.Select(h => h.At));
    }

    [Fact]
    public void Absorb_CarriesConsentAndKeepsTheMostRestrictive()
    {
        var loser = new ProfileState();
        loser.AddVersion(Version("crm", "2", "x", 1), "new profile", Now);
        loser.Consent.Record(new ConsentStatement("sms", ConsentStatus.Withdrawn, LawfulBasis.Consent, "support", Now.AddDays(-5), null, Now));
        loser.Consent.Record(new ConsentStatement("analytics", ConsentStatus.Granted, LawfulBasis.LegitimateInterests, "web", Now.AddDays(-5), null, Now));
        var survivor = new ProfileState();
        survivor.AddVersion(Version("crm", "1", "y", 1), "new profile", Now);
        survivor.Consent.Record(new ConsentStatement("sms", ConsentStatus.Granted, LawfulBasis.Consent, "shop", Now.AddDays(-1), null, Now));

        Assert.True(survivor.Absorb(loser.Snapshot("p-loser"), "shared email", Now));

        Assert.Equal(ConsentStatus.Withdrawn, survivor.Consent.Current("sms")!.Status);
        Assert.True(survivor.Consent.Effective("analytics", Now).Allows);
        Assert.Equal(3, survivor.Consent.History("sms").Count);
    }

    [Fact]
    public void Split_TakesTheConsentTheMovingRecordsCarried()
    {
        var sms = new ConsentStatement("sms", ConsentStatus.Granted, LawfulBasis.Consent, "shop", Now, null, Now);
        var ads = new ConsentStatement("ads", ConsentStatus.Denied, LawfulBasis.Consent, "crm", Now, null, Now);
        var old = new ProfileState();
        old.AddVersion(Version("crm", "1", "a", 1) with { Consents = [ads] }, "new profile", Now);
        old.AddVersion(Version("shop", "2", "b", 1) with { Consents = [sms] }, "identifier", Now);
        var plan = old.PlanSplit(["src:shop:2"])!;
        var split = new ProfileState();

        split.AddSplitMembers(plan.Moving, "p-old", "split", Now);
        old.RemoveSplitMembers(["src:shop:2"], "p-new", plan.MovingIdentifierKeys, doNotLink: true, "split", Now);

        Assert.True(split.Consent.Effective("sms", Now).Allows);
        Assert.Null(split.Consent.Current("ads"));
        Assert.Null(old.Consent.Current("sms"));
        Assert.Equal(ConsentStatus.Denied, old.Consent.Current("ads")!.Status);
    }

    [Fact]
    public void Consent_SurvivesTheStorageSerializer()
    {
        var state = new ProfileState();
        state.AddVersion(Version("crm", "1", "y", 1), "new profile", Now);
        state.Consent.Record(new ConsentStatement("email_marketing", ConsentStatus.Granted, LawfulBasis.Consent, "crm", Now, Now.AddDays(30), Now));
        var options = SystemTextJsonGrainStorageSerializer.CreateDefaultOptions();

        var read = JsonSerializer.Deserialize<ProfileState>(JsonSerializer.Serialize(state, options), options)!;

        Assert.Equal(state.Consent.Current("email_marketing"), read.Consent.Current("email_marketing"));
        Assert.Equal(Now.AddDays(30), read.Consent.NextExpiry(Now));
    }

    [Fact]
    public void BecomeMergedInto_DropsContentAndKeepsTheForward()
    {
        var state = new ProfileState();
        state.AddVersion(Version("crm", "1", "y", 1), "new profile", Now);
        state.Consent.Record(new ConsentStatement("sms", ConsentStatus.Granted, LawfulBasis.Consent, "crm", Now, null, Now));

        state.BecomeMergedInto("p-0", Now);

        Assert.Equal(ProfileStatus.MergedInto, state.Status);
        Assert.Equal("p-0", state.Target);
        Assert.True(state.IsEmpty);
        Assert.True(state.Consent.IsEmpty);
        Assert.Equal(HistoryKind.MergedInto, Assert.Single(state.History).Kind);
    }

    [Fact]
    public void RemoveMember_OnlyWhenHeld()
    {
        var state = new ProfileState();
        state.AddVersion(Version("crm", "1", "y", 1), "new profile", Now);

        Assert.False(state.RemoveMember("src:crm:2", Now));
        Assert.True(state.RemoveMember("src:crm:1", Now));
        Assert.True(state.IsEmpty);
        Assert.Equal(HistoryKind.RecordRemoved, state.History[^1].Kind);
    }

    [Fact]
    public void ProfileIds_AreStableAndDistinct()
    {
        Assert.Equal(ProfileIds.FromSourceKey("src:crm:1"), ProfileIds.FromSourceKey("src:crm:1"));
        Assert.NotEqual(ProfileIds.FromSourceKey("src:crm:1"), ProfileIds.FromSourceKey("src:crm:2"));
        Assert.Matches("^p[0-9a-f]{24}$", ProfileIds.FromSourceKey("src:crm:1"));
    }

    [Fact]
    public void JournalPartitions_AreStableAndInRange()
    {
        var partitions = Enumerable.Range(0, 2000).Select(i => MergeJournalPartitions.For(ProfileIds.FromSourceKey($"src:s:{i}"))).ToList();

        Assert.All(partitions, p => Assert.InRange(p, 0, MergeJournalPartitions.Count - 1));
        Assert.Equal(MergeJournalPartitions.Count, partitions.Distinct().Count());
        Assert.Equal(MergeJournalPartitions.For("p123"), MergeJournalPartitions.For("p123"));
    }

    private static RecordVersion Version(string source, string id, string hash, int day, params (string Name, string Value)[] attributes) =>
        new(
            source,
            id,
            DateTimeOffset.Parse("2025-01-01T00:00:00Z").AddDays(day),
            Now,
            attributes.ToImmutableSortedDictionary(a => a.Name, a => a.Value),
            [.. attributes.Where(a => a.Name == "email").Select(a => new LinkIdentifier("email", a.Value, "email:" + a.Value))],
            [],
            hash);
}
