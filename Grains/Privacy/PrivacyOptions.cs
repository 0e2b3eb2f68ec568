using System.Collections.Frozen;
using Cdm.Contracts.Privacy;
using static Cdm.Grains.Privacy.AttributeClass;

namespace Cdm.Grains.Privacy;

/// <summary>
/// Which attribute classes each read purpose sees, and the class of each attribute (<c>Cdm:Privacy</c>). Configured
/// entries replace the defaults of the same name whole; every other default stays.
/// </summary>
public sealed class PrivacyOptions
{
    public const string SectionName = "Cdm:Privacy";

    /// <summary>The class of an attribute, by attribute name, over <see cref="AttributeClass.DefaultAttributes"/>.</summary>
    public Dictionary<string, string> AttributeClasses { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The class of an identifier type (<c>crm_id</c>, <c>email</c>), over <see cref="AttributeClass.DefaultOfIdentifier"/>.</summary>
    public Dictionary<string, string> IdentifierClasses { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The class of any attribute nothing classifies. Sensitive by default, so an attribute a source starts sending is
    /// seen only by the purposes that see everything until someone classifies it.
    /// </summary>
    public string UnclassifiedClass { get; set; } = Sensitive;

    /// <summary>Read purposes, by name, over <see cref="DefaultPurposes"/>.</summary>
    public Dictionary<string, ReadPurposeOptions> Purposes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The standard read purposes: each consent purpose sees what it needs to act and only with a grant; the three
    /// purposes with another lawful basis need none.
    /// </summary>
    public static readonly FrozenDictionary<string, ReadPurposeOptions> DefaultPurposes = new Dictionary<string, ReadPurposeOptions>(StringComparer.Ordinal)
    {
        ["email_marketing"] = Of([Name, Email]),
        ["sms"] = Of([Name, Phone]),
        ["analytics"] = Of([Demographic]),
        ["personalisation"] = Of([Name, Demographic]),
        // Advertising platforms match audiences on email and phone.
        ["ads"] = Of([Email, Phone, Demographic]),
        ["third_party_sharing"] = Of([Name, Email, Phone, Address, Demographic]),
        [ReadPurposes.CustomerService] = Of([Name, Email, Phone, Address, Demographic, Identifier], ReadPurposeOptions.NoConsent),
        [ReadPurposes.Stewardship] = Of([All], ReadPurposeOptions.NoConsent),
        [ReadPurposes.PrivacyRequest] = Of([All], ReadPurposeOptions.NoConsent),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static ReadPurposeOptions Of(List<string> classes, string? consent = null) => new() { Classes = classes, Consent = consent };
}
