using System.Collections.Immutable;
using Cdm.Contracts.Profiles;
using Cdm.Contracts.Records;
using Cdm.Grains.Privacy.Retention;
using Cdm.Grains.Profiles;

namespace Cdm.UnitTests.Retention;

/// <summary>Retention periods on versions (<see cref="RetentionPolicy"/>) and on a profile (<see cref="ProfileState.ApplyRetention"/>).</summary>
public sealed class RetentionTests
{
    private static readonly DateTimeOffset Received = DateTimeOffset.Parse("2026-01-01T00:00:00Z");

    private static readonly RetentionPolicy Policy = new(new RetentionOptions
    {
        Attributes = { ["phone"] = TimeSpan.FromDays(30), ["loyalty_id"] = TimeSpan.FromDays(60) },
        Sources = { ["web"] = TimeSpan.FromDays(90) },
    });

    [Fact]
    public void Apply_RemovesAnExpiredAttributeWithItsIdentifierAndDerivedValues_AndNothingEarlier()
    {
        var version = Version("crm", "1", Received, ("phone", "+61412345678"), ("first_name", "Ada"));

        var early = Policy.Apply(version, Received.AddDays(29));
        var late = Policy.Apply(version, Received.AddDays(30));

        Assert.Same(version, early.Version);
        Assert.Null(early.Reason);
        Assert.Equal(["phone"], late.ExpiredAttributes.ToArray());
        Assert.Equal(["first_name"], late.Version!.Attributes.Keys);
        Assert.Empty(late.Version.Identifiers);
        Assert.Equal(["first_name_canonical"], late.Version.DerivedAttributes.Keys);
        Assert.NotEqual(version.ContentHash, late.Version.ContentHash);
        Assert.Equal("phone kept 30 days", late.Reason);
    }

    [Fact]
    public void Apply_RemovesAWholeVersionWhenItsSourcesPeriodIsOver_AndIdentifierTypesCountAsAttributes()
    {
        var web = Version("web", "9", Received, ("first_name", "Ada"));
        var loyal = Version("crm", "2", Received) with { Identifiers = [new LinkIdentifier("loyalty_id", "L1", "loyalty_id:L1")] };

        Assert.Null(Policy.Apply(web, Received.AddDays(90)).Version);
        Assert.Equal("source web keeps records 90 days", Policy.Apply(web, Received.AddDays(90)).Reason);
        Assert.Empty(Policy.Apply(loyal, Received.AddDays(60)).Version!.Identifiers);
    }

    [Fact]
    public void NextExpiry_IsTheEarliestPeriodOfAValueHeld_AndProblemsNameNonPositivePeriods()
    {
        var versions = new[] { Version("web", "9", Received.AddDays(5)), Version("crm", "1", Received.AddDays(10), ("phone", "+61412345678")) };
        var bad = new RetentionPolicy(new RetentionOptions { Attributes = { ["phone"] = TimeSpan.Zero }, Sources = { ["web"] = TimeSpan.FromDays(-1) } });

        Assert.Equal(Received.AddDays(40), Policy.NextExpiry(versions));
        Assert.Null(Policy.NextExpiry([Version("crm", "3", Received, ("first_name", "Ada"))]));
        Assert.True(new RetentionPolicy(new RetentionOptions()).IsEmpty);
        Assert.Equal(2, bad.Problems().Count);
        Assert.Contains(bad.Problems(), p => p.StartsWith("Cdm:Retention:Sources:web", StringComparison.Ordinal));
    }

    [Fact]
    public void ApplyRetention_OnAProfile_RemovesRecordsAndValues_ReleasesKeysNoRecordCarries_AndSaysWhy()
    {
        var state = new ProfileState();
        state.AddVersion(Version("crm", "1", Received, ("phone", "+61412345678"), ("first_name", "Ada")), "new profile", Received);
        state.AddVersion(Version("web", "9", Received, ("email", "ada@x.net")), "identifier email:ada@x.net", Received);
        state.AddVersion(Version("shop", "5", Received.AddDays(20), ("phone", "+61412345678")), "identifier phone:+61412345678", Received);

        var first = state.ApplyRetention(Policy, Received.AddDays(30));
        var nothing = state.ApplyRetention(Policy, Received.AddDays(31));
        var second = state.ApplyRetention(Policy, Received.AddDays(90));

        // Day 30: crm/1's phone is gone, but shop/5 still carries the same phone key.
        Assert.Equal(["src:crm:1"], first.Members.Select(m => m.SourceKey));
        Assert.Empty(first.ReleasedKeys);
        Assert.True(nothing.IsEmpty);
        // Day 90: web/9 is gone with its email, and shop/5's phone has expired too.
        Assert.Equal(["src:shop:5", "src:web:9"], second.Members.Select(m => m.SourceKey).Order(StringComparer.Ordinal));
        Assert.Equal(["email:ada@x.net", "phone:+61412345678", "src:web:9"], second.ReleasedKeys.Order(StringComparer.Ordinal));
        Assert.Null(second.Members.Single(m => m.SourceKey == "src:web:9").Current);
        Assert.Equal(["src:crm:1", "src:shop:5"], state.Members.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("email:ada@x.net", state.IdentifierKeys);
        Assert.Equal(3, state.History.Count(h => h.Kind == HistoryKind.RetentionExpired));
        Assert.Contains(state.History, h => h.Kind == HistoryKind.RetentionExpired && h.Source == "web" && h.RecordId is null
            && h.Reason == "record removed: source web keeps records 90 days");
        // Nothing names the removed record or the released identifiers any more.
        Assert.DoesNotContain(state.History, h => h.RecordId == "9" || h.Reason.Contains("ada@x.net", StringComparison.Ordinal) || h.Reason.Contains("+61412345678", StringComparison.Ordinal));
    }

    private static RecordVersion Version(string source, string id, DateTimeOffset received, params (string Name, string Value)[] attributes) =>
        new(
            source,
            id,
            received,
            received,
            attributes.ToImmutableSortedDictionary(a => a.Name, a => a.Value),
            [.. attributes.Where(a => a.Name is "email" or "phone").Select(a => new LinkIdentifier(a.Name, a.Value, a.Name + ":" + a.Value))],
            [],
            "h-" + source + id + string.Concat(attributes.Select(a => a.Value)))
        {
            DerivedAttributes = attributes.SelectMany(a => a.Name switch
            {
                "phone" => new[] { ("phone_country", "AU") },
                "first_name" => [("first_name_canonical", "ada")],
                _ => [],
            }).ToImmutableSortedDictionary(d => d.Item1, d => d.Item2),
        };
}
