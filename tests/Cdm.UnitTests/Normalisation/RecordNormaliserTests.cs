using Cdm.Contracts.Consent;
using Cdm.Contracts.Records;
using Cdm.Grains.Normalisation;
using static Cdm.UnitTests.Normalisation.TestRecords;

namespace Cdm.UnitTests.Normalisation;

public sealed class RecordNormaliserTests
{
    private static readonly DateTimeOffset ReceivedAt = Now.AddMinutes(-1);

    private readonly RecordNormaliser normaliser = new(new NormalisationOptions(), Clock());

    [Fact]
    public void Normalise_ValidRecord_ProducesCleanVersion()
    {
        var observedAt = new DateTimeOffset(2025, 6, 1, 9, 30, 0, TimeSpan.FromHours(2));
        var record = Incoming(
            [
                Attr("email", " Jane.Doe@Mail.Contoso.COM "), Attr("phone", "(415) 555-2671"), Attr("first_name", "JANE"),
                Attr("last_name", "  van der   Berg "), Attr("birth_date", "28/02/1990"), Attr("postcode", "sw1a 1aa"),
                Attr("gender", "F"), Attr("country", "gb"), Attr("city", " London "),
            ],
            [Id("loyalty_id", " L-100 ")],
            observedAt: observedAt);

        var version = Accept(record);

        Assert.Equal("crm", version.Source);
        Assert.Equal("r-1", version.RecordId);
        Assert.Equal(observedAt, version.ObservedAt);
        Assert.Equal(TimeSpan.Zero, version.ObservedAt.Offset);
        Assert.Equal(ReceivedAt, version.ReceivedAt);
        Assert.Equal(
            [
                ("birth_date", "1990-02-28"), ("city", "London"), ("country", "GB"), ("email", "jane.doe@mail.contoso.com"),
                ("first_name", "Jane"), ("gender", "female"), ("last_name", "van der Berg"), ("phone", "+14155552671"),
                ("postcode", "SW1A 1AA"),
            ],
            version.Attributes.Select(a => (a.Key, a.Value)));
        Assert.Equal(
            ["email:jane.doe@mail.contoso.com", "loyalty_id:L-100", "phone:+14155552671"],
            version.Identifiers.Select(i => i.Key));
        Assert.Equal(new LinkIdentifier("loyalty_id", "L-100", "loyalty_id:L-100"), version.Identifiers[1]);
        Assert.Empty(version.QualityFlags);
        Assert.Matches("^[0-9a-f]{64}$", version.ContentHash);
    }

    [Fact]
    public void Normalise_InvalidRecord_IsRejectedWhole()
    {
        var record = Incoming([Attr("email", "jane@contoso.com"), Attr("Bad Name", "x")], source: "");

        var result = normaliser.Normalise(record, ReceivedAt);

        Assert.True(result.IsRejected);
        Assert.Null(result.Version);
        Assert.Equal(["source", "attributes.Bad Name"], result.Violations.Select(v => v.Field).OrderDescending(StringComparer.Ordinal));
    }

    [Fact]
    public void Normalise_WithoutObservedAt_UsesReceivedAt()
    {
        var version = Accept(Incoming([Attr("city", "Leeds")]));

        Assert.Equal(ReceivedAt, version.ObservedAt);
    }

    [Fact]
    public void Normalise_WithoutObservedAt_ResentLaterHasTheSameHash()
    {
        var normaliser = new RecordNormaliser(new NormalisationOptions(), TimeProvider.System);
        var record = Incoming([Attr("city", "Leeds")]);

        var first = normaliser.Normalise(record, ReceivedAt).Version!;
        var later = normaliser.Normalise(record, ReceivedAt.AddHours(5)).Version!;

        Assert.Equal(first.ContentHash, later.ContentHash);
        Assert.NotEqual(first.ObservedAt, later.ObservedAt);
    }

    [Fact]
    public void Normalise_Consent_WithoutTimes_ResentLaterHasTheSameHash_ButOtherConsentIsANewVersion()
    {
        var normaliser = new RecordNormaliser(new NormalisationOptions(), TimeProvider.System);
        var plain = Incoming([Attr("city", "Leeds")]);
        var granted = plain with { Consents = [new IncomingConsent("sms", ConsentStatus.Granted, LawfulBasis.Consent, null, null)] };
        var withdrawn = plain with { Consents = [new IncomingConsent("sms", ConsentStatus.Withdrawn, LawfulBasis.Consent, null, null)] };

        var first = normaliser.Normalise(granted, ReceivedAt).Version!;
        var later = normaliser.Normalise(granted, ReceivedAt.AddHours(5)).Version!;
        var other = normaliser.Normalise(withdrawn, ReceivedAt).Version!;
        var none = normaliser.Normalise(plain, ReceivedAt).Version!;

        Assert.Equal(first.ContentHash, later.ContentHash);
        Assert.NotEqual(first.ContentHash, other.ContentHash);
        Assert.NotEqual(first.ContentHash, none.ContentHash);
        var statement = Assert.Single(first.Consents);
        Assert.Equal(ReceivedAt, statement.At);
        Assert.Equal("crm", statement.Source);
        Assert.Empty(none.Consents);
    }

    [Fact]
    public void Normalise_BadConsent_IsRejectedNamingEachField()
    {
        var normaliser = new RecordNormaliser(new NormalisationOptions(), TimeProvider.System);
        var record = Incoming([Attr("city", "Leeds")]) with
        {
            Consents =
            [
                new IncomingConsent("sms", ConsentStatus.Granted, LawfulBasis.Consent, null, null),
                new IncomingConsent("telepathy", null, LawfulBasis.Contract, ReceivedAt, ReceivedAt.AddDays(-1)),
                new IncomingConsent("ads", ConsentStatus.Denied, LawfulBasis.Consent, ReceivedAt, ReceivedAt.AddDays(1)),
            ],
        };

        var result = normaliser.Normalise(record, ReceivedAt);

        Assert.Null(result.Version);
        Assert.Equal(["consents[1].purpose", "consents[1].status", "consents[1].expires_at", "consents[2].expires_at"], result.Violations.Select(v => v.Field));
    }

    [Theory]
    [InlineData("email", " Ada@Example.ORG.au ", "email:ada@example.org.au")]
    [InlineData("phone", "+61 2 9374 4000", "phone:+61293744000")]
    [InlineData("crm_id", " C-1 ", "crm_id:C-1")]
    public void IdentifierKey_NormalisesLikeIngest(string type, string value, string expected)
    {
        var normaliser = new RecordNormaliser(new NormalisationOptions(), TimeProvider.System);

        Assert.Equal(expected, normaliser.IdentifierKey(type, value));
    }

    [Theory]
    [InlineData("email", "test@test.com")]
    [InlineData("email", "not an email")]
    [InlineData("phone", "000-000-0000")]
    public void IdentifierKey_OfValueThatNeverLinks_IsNull(string type, string value)
    {
        var normaliser = new RecordNormaliser(new NormalisationOptions(), TimeProvider.System);

        Assert.Null(normaliser.IdentifierKey(type, value));
    }

    [Fact]
    public void Normalise_EmptyAttribute_IsDroppedWithoutFlag()
    {
        var version = Accept(Incoming([Attr("city", "   "), Attr("email", ""), Attr("first_name", "Ann")]));

        Assert.Equal(["first_name"], version.Attributes.Keys);
        Assert.Empty(version.QualityFlags);
        Assert.Empty(version.Identifiers);
    }

    [Fact]
    public void Normalise_InvalidValues_AreKeptAsReceivedFlaggedAndNeverIdentifiers()
    {
        var version = Accept(Incoming([Attr("email", " not-an-email "), Attr("phone", "555"), Attr("birth_date", "1990-02-30")]));

        Assert.Equal(" not-an-email ", version.Attributes["email"]);
        Assert.Equal("555", version.Attributes["phone"]);
        Assert.Equal("1990-02-30", version.Attributes["birth_date"]);
        Assert.Empty(version.Identifiers);
        Assert.Equal<QualityFlag>(
            [
                new QualityFlag("birth_date", DateNormaliser.ImpossibleIssue),
                new QualityFlag("email", EmailNormaliser.InvalidIssue),
                new QualityFlag("phone", PhoneNormaliser.InvalidIssue),
            ],
            version.QualityFlags);
    }

    [Fact]
    public void Normalise_BlockedIdentifierAttribute_IsKeptFlaggedAndNotAnIdentifier()
    {
        var version = Accept(Incoming([Attr("email", "Test@Example.com"), Attr("phone", "+1 234 567 8901")]));

        Assert.Equal("test@example.com", version.Attributes["email"]);
        Assert.Empty(version.Identifiers);
        Assert.Equal<QualityFlag>(
            [new QualityFlag("email", RecordNormaliser.BlockedIssue), new QualityFlag("phone", RecordNormaliser.BlockedIssue)],
            version.QualityFlags);
    }

    [Fact]
    public void Normalise_BlockedExternalIdentifier_IsRemovedWithFlag()
    {
        var version = Accept(Incoming(identifiers: [Id("loyalty_id", "N/A"), Id("crm_id", "  "), Id("crm_id", "C-7")]));

        Assert.Equal(["crm_id:C-7"], version.Identifiers.Select(i => i.Key));
        Assert.Equal<QualityFlag>(
            [new QualityFlag("identifiers.crm_id", RecordNormaliser.BlockedIssue), new QualityFlag("identifiers.loyalty_id", RecordNormaliser.BlockedIssue)],
            version.QualityFlags);
    }

    [Fact]
    public void Normalise_ExternalIdentifier_KeepsCaseAndCollapsesWhitespace()
    {
        var version = Accept(Incoming(identifiers: [Id("crm_id", "  AB   12\tc ")]));

        Assert.Equal(new LinkIdentifier("crm_id", "AB 12 c", "crm_id:AB 12 c"), Assert.Single(version.Identifiers));
    }

    [Fact]
    public void Normalise_SameTypeTwice_KeepsBothValues()
    {
        var version = Accept(Incoming(identifiers: [Id("crm_id", "C-2"), Id("crm_id", "C-1"), Id("crm_id", " C-2")]));

        Assert.Equal(["crm_id:C-1", "crm_id:C-2"], version.Identifiers.Select(i => i.Key));
    }

    [Fact]
    public void Normalise_ExternalEmailIdentifier_LinksWithTheAttribute()
    {
        var version = Accept(Incoming([Attr("email", "jane@contoso.com")], [Id("email", " JANE@Contoso.com "), Id("phone", "bad")]));

        Assert.Equal(new LinkIdentifier("email", "jane@contoso.com", "email:jane@contoso.com"), Assert.Single(version.Identifiers));
        Assert.Equal<QualityFlag>([new QualityFlag("identifiers.phone", PhoneNormaliser.InvalidIssue)], version.QualityFlags);
    }

    [Fact]
    public void Normalise_LongIdentifier_HasHashedKey()
    {
        var value = string.Concat(Enumerable.Range(0, 40).Select(i => $"k{i}"));

        var identifier = Assert.Single(Accept(Incoming(identifiers: [Id("crm_id", value)])).Identifiers);

        Assert.Equal(value, identifier.Value);
        Assert.Equal(IdentifierKeys.For("crm_id", value), identifier.Key);
        Assert.StartsWith("crm_id:sha256:", identifier.Key);
    }

    [Fact]
    public void Normalise_ResentRecord_HasTheSameVersionContent()
    {
        var first = Incoming([Attr("email", "jane@contoso.com"), Attr("city", "Leeds")], [Id("crm_id", "C-1"), Id("loyalty_id", "L-1")], observedAt: Now.AddDays(-3));
        var resent = Incoming([Attr("city", " Leeds "), Attr("email", "JANE@contoso.com")], [Id("loyalty_id", "L-1"), Id("crm_id", "C-1")], observedAt: Now.AddDays(-3));

        var a = normaliser.Normalise(first, ReceivedAt).Version!;
        var b = normaliser.Normalise(resent, ReceivedAt.AddHours(5)).Version!;

        Assert.Equal(a.ContentHash, b.ContentHash);
        Assert.Equal<LinkIdentifier>(a.Identifiers, b.Identifiers);
        Assert.Equal(a.Attributes, b.Attributes);
    }

    [Fact]
    public void Normalise_ChangedValue_ChangesHash()
    {
        var before = Accept(Incoming([Attr("city", "Leeds")], observedAt: Now.AddDays(-3)));
        var after = Accept(Incoming([Attr("city", "York")], observedAt: Now.AddDays(-3)));

        Assert.NotEqual(before.ContentHash, after.ContentHash);
    }

    [Fact]
    public void Normalise_ConfiguredIdentifierAttributes_DecideWhatLinks()
    {
        var options = new NormalisationOptions { IdentifierAttributes = ["email", "national_id"] };
        var custom = new RecordNormaliser(options, Clock());

        var version = custom.Normalise(Incoming([Attr("email", "jane@contoso.com"), Attr("phone", "(415) 555-2671"), Attr("national_id", " AB 12 34 ")]), ReceivedAt).Version!;

        Assert.Equal(["email:jane@contoso.com", "national_id:AB 12 34"], version.Identifiers.Select(i => i.Key));
        Assert.Equal("+14155552671", version.Attributes["phone"]);
    }

    [Fact]
    public void Normalise_ConfiguredRegionAndDateOrder_AreUsed()
    {
        var options = new NormalisationOptions { DefaultRegion = "GB", DateOrder = DateOrder.Mdy };
        var custom = new RecordNormaliser(options, Clock());

        var version = custom.Normalise(Incoming([Attr("phone", "020 7946 0958"), Attr("signup_date", "03/04/2020")]), ReceivedAt).Version!;

        Assert.Equal("+442079460958", version.Attributes["phone"]);
        Assert.Equal("2020-03-04", version.Attributes["signup_date"]);
    }

    [Fact]
    public void Normalise_ManyThreadsAtOnce_GiveTheSameResults()
    {
        var records = Enumerable.Range(0, 200)
            .Select(i => Incoming([Attr("email", $"User{i}@Contoso.com"), Attr("phone", $"+1 415 555 {i:0000}"), Attr("first_name", "ÉLODIE")], [Id("crm_id", $"C-{i}")], recordId: $"r-{i}"))
            .ToArray();
        var expected = records.Select(r => normaliser.Normalise(r, ReceivedAt).Version!.ContentHash).ToArray();

        var actual = new string[records.Length];
        Parallel.For(0, records.Length * 10, i => actual[i % records.Length] = normaliser.Normalise(records[i % records.Length], ReceivedAt).Version!.ContentHash);

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("ZZ")]
    [InlineData("")]
    public void Constructor_UnknownRegion_Throws(string region)
    {
        Assert.ThrowsAny<ArgumentException>(() => new RecordNormaliser(new NormalisationOptions { DefaultRegion = region }, Clock()));
    }

    [Fact]
    public void Constructor_LimitBelowOne_Throws()
    {
        var options = new NormalisationOptions { RecordLimits = new RecordLimits { MaxAttributes = 0 } };

        var error = Assert.Throws<ArgumentException>(() => new RecordNormaliser(options, Clock()));
        Assert.Contains("MaxAttributes", error.Message, StringComparison.Ordinal);
    }

    private RecordVersion Accept(IncomingRecord record)
    {
        var result = normaliser.Normalise(record, ReceivedAt);
        Assert.False(result.IsRejected, $"record should be accepted, violations: {string.Join("; ", result.Violations)}");
        return result.Version;
    }
}
