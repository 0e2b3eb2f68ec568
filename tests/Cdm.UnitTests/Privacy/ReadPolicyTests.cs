using Cdm.Contracts.Consent;
using Cdm.Contracts.Privacy;
using Cdm.Grains.Consent;
using Cdm.Grains.Privacy;

namespace Cdm.UnitTests.Privacy;

public sealed class ReadPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ReadPolicy Policy(PrivacyOptions? options = null, ConsentOptions? consent = null) =>
        new(options ?? new PrivacyOptions(), consent ?? new ConsentOptions());

    private static Func<string, EffectiveConsent> Consent(ConsentStatus? status, bool expired = false) => purpose =>
        new EffectiveConsent(purpose, status is { } s ? new ConsentStatement(purpose, s, LawfulBasis.Consent, "crm", T0, null, T0) : null, expired);

    [Fact]
    public void Grant_ForAConsentPurposeWithAGrant_SeesItsClassesOnly()
    {
        var grant = Policy().Grant("email_marketing", Consent(ConsentStatus.Granted));

        Assert.Null(grant.ReasonFor(AttributeClass.Email));
        Assert.Null(grant.ReasonFor(AttributeClass.Name));
        Assert.Equal(WithholdReason.NotForPurpose, grant.ReasonFor(AttributeClass.Phone));
        Assert.Equal(WithholdReason.NotForPurpose, grant.ReasonFor(AttributeClass.Sensitive));
        Assert.False(grant.SeesAll);
    }

    [Theory]
    [InlineData(null, false, WithholdReason.NoConsent)]
    [InlineData(ConsentStatus.Denied, false, WithholdReason.ConsentDenied)]
    [InlineData(ConsentStatus.Withdrawn, false, WithholdReason.ConsentWithdrawn)]
    [InlineData(ConsentStatus.Granted, true, WithholdReason.ConsentExpired)]
    public void Grant_WithoutConsentInForce_WithholdsEvenItsOwnClasses(ConsentStatus? status, bool expired, WithholdReason expected)
    {
        var grant = Policy().Grant("email_marketing", Consent(status, expired));

        Assert.Equal(expected, grant.ReasonFor(AttributeClass.Email));
        // A class the purpose never sees says so, whatever the consent.
        Assert.Equal(WithholdReason.NotForPurpose, grant.ReasonFor(AttributeClass.Phone));
    }

    [Fact]
    public void Grant_ForAPurposeOnAnotherBasis_NeverAsksForConsent()
    {
        var grant = Policy().Grant(ReadPurposes.CustomerService, _ => throw new InvalidOperationException("consent asked"));

        Assert.Null(grant.ReasonFor(AttributeClass.Phone));
        Assert.Equal(WithholdReason.NotForPurpose, grant.ReasonFor(AttributeClass.Sensitive));
        Assert.True(Policy().Grant(ReadPurposes.Stewardship, _ => throw new InvalidOperationException()).SeesAll);
    }

    [Fact]
    public void Grant_ForAnUnknownPurpose_IsRefusedNamingTheKnownOnes()
    {
        var refused = Assert.Throws<ArgumentException>(() => Policy().Grant("curiosity", Consent(ConsentStatus.Granted)));

        Assert.Contains("'curiosity' is not a read purpose", refused.Message, StringComparison.Ordinal);
        Assert.Contains("stewardship", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfiguredClassesOfAConsentPurpose_KeepItsConsent_UnlessWaivedByNone()
    {
        var options = new PrivacyOptions();
        options.Purposes["analytics"] = new ReadPurposeOptions { Classes = ["demographic", "address"] };
        options.Purposes["loyalty"] = new ReadPurposeOptions { Classes = ["name"] };
        options.Purposes["fraud_check"] = new ReadPurposeOptions { Classes = ["*"], Consent = ReadPurposeOptions.NoConsent };
        var policy = Policy(options, new ConsentOptions { Purposes = ["loyalty"] });

        Assert.Equal("analytics", policy.ConsentOf("analytics"));
        Assert.Equal("loyalty", policy.ConsentOf("loyalty"));
        Assert.Null(policy.ConsentOf("fraud_check"));
        Assert.Equal(WithholdReason.NoConsent, policy.Grant("analytics", Consent(null)).ReasonFor(AttributeClass.Address));
        Assert.Null(policy.Grant("analytics", Consent(ConsentStatus.Granted)).ReasonFor(AttributeClass.Address));
        Assert.Empty(policy.Problems());
    }

    [Fact]
    public void ClassOf_UsesConfigurationThenDefaultsThenTheUnclassifiedClass()
    {
        var options = new PrivacyOptions { AttributeClasses = { ["loyalty_tier"] = "commercial", ["birth_date"] = "sensitive" } };
        options.IdentifierClasses["crm_id"] = "commercial";
        var policy = Policy(options);

        Assert.Equal("commercial", policy.ClassOf("loyalty_tier"));
        Assert.Equal(AttributeClass.Sensitive, policy.ClassOf("birth_date"));
        Assert.Equal(AttributeClass.Email, policy.ClassOf("email_domain"));
        Assert.Equal(AttributeClass.Sensitive, policy.ClassOf("shoe_size"));
        Assert.Equal("commercial", policy.ClassOfIdentifier("crm_id"));
        Assert.Equal(AttributeClass.Phone, policy.ClassOfIdentifier("phone"));
        Assert.Equal(AttributeClass.Identifier, policy.ClassOfIdentifier("loyalty_id"));
    }

    [Fact]
    public void Problems_NameEveryUnknownClassAndConsentPurpose()
    {
        var options = new PrivacyOptions { AttributeClasses = { ["loyalty_tier"] = "Not A Class" } };
        options.Purposes["analytics"] = new ReadPurposeOptions { Classes = ["demographics"] };
        options.Purposes["loyalty"] = new ReadPurposeOptions { Classes = [], Consent = "loyalty_mail" };
        options.Purposes["Bad-Name"] = new ReadPurposeOptions { Classes = ["name"], Consent = ReadPurposeOptions.NoConsent };

        var problems = Policy(options).Problems();

        Assert.Contains(problems, p => p.Contains("'Not A Class' of 'loyalty_tier'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("analytics:Classes: 'demographics' is not a class", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("loyalty:Classes: name at least one class", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("loyalty:Consent: 'loyalty_mail' is not a consent purpose", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Purposes:Bad-Name: a purpose is lower-case", StringComparison.Ordinal));
        Assert.Equal(5, problems.Count);
    }
}
