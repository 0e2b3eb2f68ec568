using Cdm.Grains.Enrichment;
using Cdm.Grains.Normalisation;
using Cdm.UnitTests.Normalisation;
using Microsoft.Extensions.Time.Testing;

namespace Cdm.UnitTests.Enrichment;

public sealed class EnricherTests
{
    private readonly Enricher enricher = new(new FakeTimeProvider(new DateTimeOffset(2026, 6, 15, 0, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void Enrich_FullRecord_DerivesEveryAttributeSorted()
    {
        var attributes = new Dictionary<string, string>
        {
            ["phone"] = "+447400123456",
            ["email"] = "info@gmail.com",
            ["first_name"] = "Bill",
            ["birth_date"] = "1990-06-16",
            ["last_name"] = "Smith",
        };

        var derived = enricher.Enrich(attributes);

        Assert.Equal<DerivedAttribute>(
            [
                new("age_band", "35-44"),
                new("email_disposable", "false"),
                new("email_domain", "gmail.com"),
                new("email_free", "true"),
                new("email_role", "true"),
                new("first_name_canonical", "william"),
                new("phone_country", "GB"),
                new("phone_line_type", "mobile"),
            ],
            derived.ToArray());
    }

    [Fact]
    public void Enrich_AgeBand_UsesClockDate()
    {
        var derived = enricher.Enrich(new Dictionary<string, string> { ["birth_date"] = "1991-06-16" });

        Assert.Equal([new DerivedAttribute("age_band", "25-34")], derived.ToArray());
    }

    [Fact]
    public void Enrich_AmbiguousNickname_GivesOneAttributePerCanonicalName()
    {
        var derived = enricher.Enrich(new Dictionary<string, string> { ["first_name"] = "Al" });

        Assert.All(derived, d => Assert.Equal("first_name_canonical", d.Name));
        Assert.Contains(new DerivedAttribute("first_name_canonical", "albert"), derived);
        Assert.Contains(new DerivedAttribute("first_name_canonical", "alfred"), derived);
        Assert.True(derived.Length >= 3);
    }

    [Fact]
    public void Enrich_MultiWordFirstName_FallsBackToFirstWord()
    {
        var derived = enricher.Enrich(new Dictionary<string, string> { ["first_name"] = "Liz Ann" });

        Assert.Contains(new DerivedAttribute("first_name_canonical", "elizabeth"), derived);
    }

    [Fact]
    public void Enrich_FlaggedAttributes_DeriveNothing()
    {
        var attributes = new Dictionary<string, string> { ["phone"] = "+447400123456", ["email"] = "jane@gmail.com" };

        var derived = enricher.Enrich(attributes, new HashSet<string> { "phone", "email" });

        Assert.Empty(derived);
    }

    [Fact]
    public void Enrich_InvalidOrUnknownValues_DeriveNothing()
    {
        var attributes = new Dictionary<string, string>
        {
            ["phone"] = "call me",
            ["email"] = "not an address",
            ["first_name"] = "Zorblax",
            ["birth_date"] = "2030-01-01",
        };

        Assert.Empty(enricher.Enrich(attributes));
    }

    [Fact]
    public void Enrich_RecordNormaliserOutput_IsUnderstood()
    {
        var normaliser = new RecordNormaliser(new NormalisationOptions { DefaultRegion = "US" }, TestRecords.Clock(), enricher);
        var result = normaliser.Normalise(
            TestRecords.Incoming(
            [
                TestRecords.Attr("email", " Sales@Mailinator.COM "),
                TestRecords.Attr("phone", "(800) 234-5678"),
                TestRecords.Attr("first_name", "LIZ"),
                TestRecords.Attr("birth_date", "16/06/1990"),
            ]),
            TestRecords.Now);

        Assert.False(result.IsRejected);
        var derived = result.Version.DerivedAttributes;

        // The role address does not link, but it is a valid address, so it is still described.
        Assert.Equal("mailinator.com", derived["email_domain"]);
        Assert.Equal("true", derived["email_disposable"]);
        Assert.Equal("true", derived["email_role"]);
        Assert.Equal("US", derived["phone_country"]);
        Assert.Equal("toll_free", derived["phone_line_type"]);
        Assert.Equal("elisabeth, elizabeth", derived["first_name_canonical"]);
        Assert.True(derived.ContainsKey("age_band"));
    }

    [Fact]
    public void Enrich_SameInput_SameOutput()
    {
        var attributes = new Dictionary<string, string> { ["first_name"] = "al", ["email"] = "a@yahoo.co.uk" };

        Assert.Equal(enricher.Enrich(attributes).ToArray(), enricher.Enrich(attributes).ToArray());
    }
}
