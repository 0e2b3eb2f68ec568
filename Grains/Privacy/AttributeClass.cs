using System.Collections.Frozen;
using Cdm.Grains.Enrichment;

namespace Cdm.Grains.Privacy;

/// <summary>
/// The classes attributes belong to, which read purposes are granted by (<see cref="ReadPolicy"/>), and the class of
/// each attribute of the default schema and of each derived attribute. A deployment adds classes by naming them in
/// <c>Cdm:Privacy:AttributeClasses</c>.
/// </summary>
public static class AttributeClass
{
    public const string Name = "name";
    public const string Email = "email";
    public const string Phone = "phone";
    public const string Address = "address";
    public const string Demographic = "demographic";
    public const string Identifier = "identifier";
    public const string Sensitive = "sensitive";

    /// <summary>Granting this in a purpose's classes grants every class, configured ones included.</summary>
    public const string All = "*";

    /// <summary>The classes every deployment knows.</summary>
    public static readonly IReadOnlyList<string> Standard = [Name, Email, Phone, Address, Demographic, Identifier, Sensitive];

    /// <summary>
    /// The class of each attribute of the default schema and of each derived attribute. A derived attribute is
    /// classed like what it tells (an age band is demographic, an email domain belongs with the email).
    /// </summary>
    public static readonly FrozenDictionary<string, string> DefaultAttributes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["first_name"] = Name,
        ["middle_name"] = Name,
        ["last_name"] = Name,
        ["full_name"] = Name,
        [DerivedAttributeNames.FirstNameCanonical] = Name,
        ["email"] = Email,
        [DerivedAttributeNames.EmailDomain] = Email,
        [DerivedAttributeNames.EmailFree] = Email,
        [DerivedAttributeNames.EmailDisposable] = Email,
        [DerivedAttributeNames.EmailRole] = Email,
        ["phone"] = Phone,
        [DerivedAttributeNames.PhoneCountry] = Phone,
        [DerivedAttributeNames.PhoneLineType] = Phone,
        ["address_line1"] = Address,
        ["address_line2"] = Address,
        ["city"] = Address,
        ["postcode"] = Address,
        ["region"] = Address,
        ["birth_date"] = Demographic,
        [DerivedAttributeNames.AgeBand] = Demographic,
        ["gender"] = Demographic,
        ["country"] = Demographic,
        ["national_id"] = Identifier,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The class of an identifier type that no configuration names: email and phone as their attributes, any other an identifier.</summary>
    public static string DefaultOfIdentifier(string type) => type switch
    {
        "email" => Email,
        "phone" => Phone,
        _ => Identifier,
    };
}
