using System.Collections.Immutable;
using System.Text.Json;
using Cdm.Contracts.Consent;
using Cdm.Contracts.Profiles;
using Cdm.Contracts.Records;
using Cdm.Grains.Profiles;
using Cdm.Silo.Storage;

namespace Cdm.UnitTests.Erasure;

/// <summary>The pure rules of erasure on a profile's state.</summary>
public sealed class ProfileErasureTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-03-01T00:00:00Z");

    [Fact]
    public void ErasureSubject_NamesEveryKeyVersionConstraintAndMentionedProfile()
    {
        var state = new ProfileState();
        state.AddVersion(Version("crm", "1", "h1", ("email", "ada@x.net")), "new profile", Now);
        state.AddVersion(Version("crm", "1", "h2", ("email", "ada@y.net")), "", Now);
        state.AddVersion(Version("shop", "2", "h3"), "identifier email:ada@x.net", Now);
        state.AddDoNotLink("src:shop:2", "src:web:9", Now);
        state.MergedProfileIds.Add("p-merged");
        state.History.Add(new HistoryEntry(Now, HistoryKind.SplitOut, "crm", "7", "p-split-half", "split"));
        state.History.Add(new HistoryEntry(Now, HistoryKind.Absorbed, null, null, "p-merged", "merged"));
        state.Consent.Record(new ConsentStatement("sms", ConsentStatus.Granted, LawfulBasis.Consent, "crm", Now, null, Now));

        var subject = state.ErasureSubject("p-self");

        Assert.Equal(["email:ada@x.net", "email:ada@y.net", "src:crm:1", "src:shop:2"], subject.IdentifierKeys.ToArray());
        Assert.Equal(3, subject.Versions.Length);
        Assert.Equal(["src:web:9"], subject.DoNotLinkKeys.ToArray());
        // The split's other half mentions the records it let go; merged profiles are erased, not scrubbed.
        Assert.Equal(["p-split-half"], subject.MentionedProfileIds.ToArray());
        Assert.Equal(["p-merged"], subject.MergedProfileIds.ToArray());
        Assert.Equal(1, subject.ConsentStatements);
    }

    [Fact]
    public void BecomeErased_LeavesATombstoneWithNothingPersonal_EvenWhenStored()
    {
        var state = new ProfileState();
        state.AddVersion(Version("crm", "1", "h1", ("email", "ada@x.net"), ("last_name", "Lovelace")), "new profile", Now);
        state.Consent.Record(new ConsentStatement("sms", ConsentStatus.Granted, LawfulBasis.Consent, "crm", Now, null, Now));
        state.BeginErasure("er_1");

        Assert.True(state.IsClosed);
        state.BecomeErased("er_1", Now);

        var stored = JsonSerializer.Serialize(state, SystemTextJsonGrainStorageSerializer.CreateDefaultOptions());
        Assert.Equal((ProfileStatus.Erased, "er_1"), (state.Status, state.ErasureId));
        Assert.True(state.IsClosed);
        Assert.Equal([HistoryKind.Erased], state.History.Select(h => h.Kind));
        Assert.DoesNotContain("ada@x.net", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Lovelace", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("crm", stored, StringComparison.Ordinal);
    }

    [Fact]
    public void ForgetErasedKeys_RemovesConstraintsLinkReasonsAndHistoryMentions_AndNothingElse()
    {
        var state = new ProfileState();
        state.AddVersion(Version("shop", "2", "h1"), "new profile", Now);
        state.AddVersion(Version("web", "3", "h2"), "match with src:crm:1: 12.0 bits", Now);
        state.AddDoNotLink("src:shop:2", "src:crm:1", Now);
        state.AddDoNotLink("src:shop:2", "src:crm:5", Now);
        state.History.Add(new HistoryEntry(Now, HistoryKind.SplitOut, "crm", "1", "p-erased", "split by a steward"));
        var erased = new HashSet<string>(["src:crm:1", "email:ada@x.net"], StringComparer.Ordinal);

        Assert.True(state.ForgetErasedKeys(erased, Now));
        Assert.False(state.ForgetErasedKeys(erased, Now));

        Assert.Equal(["src:crm:5"], state.Members["src:shop:2"].DoNotLink!.ToArray());
        Assert.Equal("new profile", state.Members["src:shop:2"].LinkReason);
        Assert.DoesNotContain("src:crm:1", state.Members["src:web:3"].LinkReason, StringComparison.Ordinal);
        Assert.All(state.History, h => Assert.DoesNotContain("src:crm:1", h.Reason, StringComparison.Ordinal));
        var split = Assert.Single(state.History, h => h.Kind == HistoryKind.ErasedReference && h.OtherProfileId == "p-erased");
        Assert.Equal((null, null), (split.Source, split.RecordId));
        Assert.Contains(state.History, h => h.Kind == HistoryKind.DoNotLink && h.Reason.Contains("src:crm:5", StringComparison.Ordinal));
    }

    private static RecordVersion Version(string source, string id, string hash, params (string Name, string Value)[] attributes) =>
        new(
            source,
            id,
            Now,
            Now,
            attributes.ToImmutableSortedDictionary(a => a.Name, a => a.Value),
            [.. attributes.Where(a => a.Name == "email").Select(a => new LinkIdentifier("email", a.Value, "email:" + a.Value))],
            [],
            hash);
}
