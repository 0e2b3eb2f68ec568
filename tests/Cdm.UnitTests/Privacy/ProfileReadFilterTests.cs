using System.Collections.Immutable;
using Cdm.Contracts.Consent;
using Cdm.Contracts.Privacy;
using Cdm.Contracts.Profiles;
using Cdm.Contracts.Records;
using Cdm.Grains.Consent;
using Cdm.Grains.Privacy;

namespace Cdm.UnitTests.Privacy;

public sealed class ProfileReadFilterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ReadPolicy Policy = new(new PrivacyOptions(), new ConsentOptions());
    private static readonly ProfileReadFilter Filter = new(Policy);

    private static ProfileView View()
    {
        var version = new RecordVersion(
            "crm", "1", T0, T0,
            ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
            {
                ["first_name"] = "Ada",
                ["email"] = "ada@example.com",
                ["phone"] = "+61412345678",
                ["birth_date"] = "1990-05-01",
                ["shoe_size"] = "38",
            }),
            [new LinkIdentifier("email", "ada@example.com", "email:ada@example.com"), new LinkIdentifier("crm_id", "C1", "crm_id:C1")],
            [],
            "hash")
        {
            DerivedAttributes = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
            {
                ["email_domain"] = "example.com",
                ["age_band"] = "35-44",
            }),
        };
        var lineage = new ValueLineage("crm", "1", T0, "most_recent");
        return new ProfileView(
            "p1",
            [.. version.Attributes.Select(a => new GoldenValue(a.Key, a.Value, lineage))],
            ["crm_id:C1", "email:ada@example.com"],
            [new MemberView("crm", "1", version, [version], 1, "identifier email:ada@example.com")],
            [],
            T0,
            T0,
            null);
    }

    private static Func<string, EffectiveConsent> Granted => p => new EffectiveConsent(p, new ConsentStatement(p, ConsentStatus.Granted, LawfulBasis.Consent, "crm", T0, null, T0), false);

    private static Func<string, EffectiveConsent> Withdrawn => p => new EffectiveConsent(p, new ConsentStatement(p, ConsentStatus.Withdrawn, LawfulBasis.Consent, "crm", T0, null, T0), false);

    [Fact]
    public void Apply_KeepsOnlyThePurposesClasses_EverywhereTheyAppear()
    {
        var seen = Filter.Apply(View(), Policy.Grant("email_marketing", Granted));

        Assert.Equal(["email", "first_name"], seen.Golden.Select(g => g.Attribute).Order(StringComparer.Ordinal));
        Assert.Equal(["email:ada@example.com"], seen.IdentifierKeys.ToArray());
        var member = seen.Members.Single();
        Assert.Equal(["email", "first_name"], member.Current.Attributes.Keys);
        Assert.Equal(["email_domain"], member.Current.DerivedAttributes.Keys);
        Assert.Equal(["email"], member.Current.Identifiers.Select(i => i.Type));
        Assert.Equal(["email", "first_name"], member.Versions.Single().Attributes.Keys);
        Assert.Equal("identifier email:ada@example.com", member.LinkReason);
        Assert.Equal("email_marketing", seen.Purpose);
    }

    [Fact]
    public void Apply_NamesWhatItWithheld_WithClassAndReason_NeverTheValue()
    {
        var seen = Filter.Apply(View(), Policy.Grant("email_marketing", Granted));

        Assert.Equal(
            [
                new WithheldValue("age_band", AttributeClass.Demographic, WithholdReason.NotForPurpose, false),
                new WithheldValue("birth_date", AttributeClass.Demographic, WithholdReason.NotForPurpose, false),
                new WithheldValue("phone", AttributeClass.Phone, WithholdReason.NotForPurpose, false),
                new WithheldValue("shoe_size", AttributeClass.Sensitive, WithholdReason.NotForPurpose, false),
                new WithheldValue("crm_id", AttributeClass.Identifier, WithholdReason.NotForPurpose, true),
            ],
            seen.Withheld.ToArray());
    }

    [Fact]
    public void Apply_WithConsentWithdrawn_LeavesNothingPersonal_AndMasksReasons()
    {
        var seen = Filter.Apply(View(), Policy.Grant("email_marketing", Withdrawn));

        Assert.Empty(seen.Golden);
        Assert.Empty(seen.IdentifierKeys);
        var member = seen.Members.Single();
        Assert.Empty(member.Current.Attributes);
        Assert.Empty(member.Current.DerivedAttributes);
        Assert.Empty(member.Current.Identifiers);
        Assert.Equal(("crm", "1"), (member.Source, member.RecordId));
        Assert.Equal("identifier email:(withheld)", member.LinkReason);
        Assert.Contains(seen.Withheld, w => w is { Attribute: "email", Reason: WithholdReason.ConsentWithdrawn });
        Assert.DoesNotContain("ada", string.Join("|", seen.Withheld), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Apply_ForAPurposeThatSeesAll_ChangesNothingButThePurpose()
    {
        var view = View();
        var seen = Filter.Apply(view, Policy.Grant(ReadPurposes.Stewardship, Withdrawn));

        Assert.Same(view.Golden.Single(g => g.Attribute == "shoe_size"), seen.Golden.Single(g => g.Attribute == "shoe_size"));
        Assert.Equal(view.Members, seen.Members);
        Assert.Empty(seen.Withheld);
        Assert.Equal(ReadPurposes.Stewardship, seen.Purpose);
    }

    [Fact]
    public void Apply_ToHistory_MasksQuotedIdentifiersOfWithheldClassesOnly()
    {
        ImmutableArray<HistoryEntry> history =
        [
            new(T0, HistoryKind.Absorbed, null, null, "p2", "record src:crm:2 links identifier phone:+61412345678 of p2 and identifier email:ada@example.com of p1"),
            new(T0, HistoryKind.RecordAdded, "crm", "1", null, "new profile"),
        ];

        var masked = Filter.Apply(history, Policy.Grant("email_marketing", Granted));

        Assert.Equal("record src:crm:2 links identifier phone:(withheld) of p2 and identifier email:ada@example.com of p1", masked[0].Reason);
        Assert.Equal("new profile", masked[1].Reason);
    }
}
