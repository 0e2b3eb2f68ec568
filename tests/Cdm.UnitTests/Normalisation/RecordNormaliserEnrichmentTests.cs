using Cdm.Contracts.Records;
using Cdm.Grains.Enrichment;
using Cdm.Grains.Normalisation;
using static Cdm.UnitTests.Normalisation.TestRecords;

namespace Cdm.UnitTests.Normalisation;

public sealed class RecordNormaliserEnrichmentTests
{
    private readonly RecordNormaliser plain = new(new NormalisationOptions(), Clock());
    private readonly RecordNormaliser enriching = new(new NormalisationOptions(), Clock(), new Enricher(Clock()));

    [Theory]
    [InlineData("Info@Company.com")]
    [InlineData("sales@company.com")]
    [InlineData("support+eu@company.com")]
    public void Normalise_RoleAddress_IsKeptAndFlaggedButNeverLinks(string address)
    {
        var version = Accept(plain, [Attr("email", address), Attr("phone", "+14155552671")]);

        Assert.Equal(address.ToLowerInvariant(), version.Attributes["email"]);
        Assert.Equal(["phone:+14155552671"], version.Identifiers.Select(i => i.Key));
        Assert.Equal(new QualityFlag("email", RecordNormaliser.RoleAddressIssue), Assert.Single(version.QualityFlags));
    }

    [Fact]
    public void Normalise_RoleAddressAsExternalIdentifier_DoesNotLink()
    {
        var version = Accept(plain, [], [Id("email", "info@company.com"), Id("crm_id", "C-1")]);

        Assert.Equal(["crm_id:C-1"], version.Identifiers.Select(i => i.Key));
        Assert.Equal(new QualityFlag("identifiers.email", RecordNormaliser.RoleAddressIssue), Assert.Single(version.QualityFlags));
    }

    [Fact]
    public void Normalise_DisposableAddress_IsKeptAndFlaggedButNeverLinks()
    {
        var version = Accept(plain, [Attr("email", "jane.doe@mailinator.com")]);

        Assert.Empty(version.Identifiers);
        Assert.Equal(new QualityFlag("email", RecordNormaliser.DisposableAddressIssue), Assert.Single(version.QualityFlags));
    }

    [Theory]
    [InlineData("jane.doe@gmail.com")]
    [InlineData("information.officer.jane@company.com")]
    [InlineData("infoxyz@company.com")]
    public void Normalise_PersonalAddress_StillLinks(string address)
    {
        var version = Accept(plain, [Attr("email", address)]);

        Assert.Equal([$"email:{address}"], version.Identifiers.Select(i => i.Key));
        Assert.Empty(version.QualityFlags);
    }

    [Fact]
    public void IdentifierKey_RoleOrDisposableAddress_IsNull()
    {
        Assert.Null(plain.IdentifierKey("email", "Info@Company.com"));
        Assert.Null(plain.IdentifierKey("email", "jane@yopmail.com"));
        Assert.Equal("email:jane@company.com", plain.IdentifierKey("email", "Jane@Company.com"));
    }

    [Fact]
    public void Normalise_WithEnricher_DerivesFromTheNormalisedAttributes()
    {
        var version = Accept(enriching, [Attr("email", "Bill.Smith@GMail.com"), Attr("phone", "+44 7400 123456"), Attr("first_name", "BILL"), Attr("birth_date", "16/06/1990")]);

        Assert.Equal(
            [
                ("age_band", "25-34"), ("email_disposable", "false"), ("email_domain", "gmail.com"), ("email_free", "true"),
                ("email_role", "false"), ("first_name_canonical", "william"), ("phone_country", "GB"), ("phone_line_type", "mobile"),
            ],
            version.DerivedAttributes.Select(a => (a.Key, a.Value)));
        Assert.DoesNotContain(version.Attributes.Keys, name => name.StartsWith("email_", StringComparison.Ordinal));
    }

    [Fact]
    public void Normalise_AgeBand_IsAsOfTheDayReceived()
    {
        // Eighteen on the clock's day (2025-06-15), still seventeen on the day the record was received.
        var record = Incoming([Attr("birth_date", "2007-06-15")]);

        var received = enriching.Normalise(record, Now.AddDays(-1)).Version!;
        var today = enriching.Normalise(record, Now).Version!;

        Assert.Equal("0-17", received.DerivedAttributes["age_band"]);
        Assert.Equal("18-24", today.DerivedAttributes["age_band"]);
        Assert.Equal(received.ContentHash, today.ContentHash);
    }

    [Fact]
    public void Normalise_DerivedAttributes_LeaveTheContentHashAlone()
    {
        var record = Incoming([Attr("email", "bill@gmail.com"), Attr("first_name", "Bill"), Attr("birth_date", "1990-01-01")]);

        var withDerived = enriching.Normalise(record, Now).Version!;
        var without = plain.Normalise(record, Now).Version!;

        Assert.NotEmpty(withDerived.DerivedAttributes);
        Assert.Empty(without.DerivedAttributes);
        Assert.Equal(without.ContentHash, withDerived.ContentHash);
    }

    [Fact]
    public void Normalise_FlaggedValues_DeriveNothing_ButARoleAddressIsDescribed()
    {
        var version = Accept(enriching, [Attr("email", "info@company.com"), Attr("phone", "000-000-0000"), Attr("birth_date", "31/02/1990")]);

        Assert.Equal(
            [("email_disposable", "false"), ("email_domain", "company.com"), ("email_free", "false"), ("email_role", "true")],
            version.DerivedAttributes.Select(a => (a.Key, a.Value)));
    }

    private static RecordVersion Accept(RecordNormaliser normaliser, KeyValuePair<string, string>[] attributes, ExternalIdentifier[]? identifiers = null)
    {
        var result = normaliser.Normalise(Incoming(attributes, identifiers ?? []), Now);
        Assert.False(result.IsRejected, string.Join("; ", result.Violations));
        return result.Version;
    }
}
