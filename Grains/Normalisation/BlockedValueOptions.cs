namespace Cdm.Grains.Normalisation;

/// <summary>
/// Placeholder values that must never link records (configuration section <c>Cdm:Normalisation:BlockedValues</c>):
/// two records that both say <c>test@test.com</c> or <c>n/a</c> are not the same person. A blocked value is kept
/// on its attribute with a quality flag (or, for an external identifier, dropped with one) and is never an identifier.
/// </summary>
/// <remarks>
/// Values are compared after normalisation, ignoring case; the entries are normalised the same way, so
/// <c>(212) 555-1212</c> blocks <c>+12125551212</c>. An entry that starts with <c>@</c> blocks every value that ends
/// with it (<c>@example.com</c> blocks every address at that domain); an entry that ends with <c>@</c> blocks every
/// value that starts with it (<c>noemail@</c> blocks that mailbox at any domain). Configuration adds to the lists
/// below rather than replacing them.
/// </remarks>
public sealed class BlockedValueOptions
{
    /// <summary>Blocked for every identifier type. Defaults: empty, <c>null</c>, <c>none</c>, <c>n/a</c>, <c>unknown</c>, <c>0</c>, <c>123456789</c> and similar.</summary>
    public List<string> Global { get; set; } =
    [
        "", "null", "nil", "none", "n/a", "na", "unknown", "undefined", "not available", "not applicable",
        "-", "--", "?", "0", "00", "000", "0000", "test", "xxx", "tbd",
        "123", "1234", "12345", "123456", "1234567", "12345678", "123456789", "1234567890", "0123456789", "987654321",
    ];

    /// <summary>
    /// Blocked for one identifier type (the attribute name, e.g. <c>email</c>, or the external identifier type).
    /// Defaults for <c>email</c>: test and placeholder mailboxes and the reserved example domains.
    /// </summary>
    public Dictionary<string, List<string>> ByType { get; set; } = new(StringComparer.Ordinal)
    {
        ["email"] =
        [
            "test@test.com", "test@example.com", "email@email.com", "a@a.com", "x@x.com", "none@none.com",
            "@example.com", "@example.org", "@example.net", "@test.com",
            "noemail@", "no-email@", "no.email@", "no_email@", "nomail@", "no-mail@", "none@", "null@", "na@",
            "noreply@", "no-reply@", "donotreply@", "do-not-reply@", "unknown@", "test@",
        ],
        ["phone"] = [],
    };

    /// <summary>
    /// Whether values of three or more characters that are one character repeated (<c>00000000</c>, <c>999999</c>,
    /// <c>xxxx</c>) are blocked for every type (default true).
    /// </summary>
    public bool BlockRepeatedCharacters { get; set; } = true;

    /// <summary>
    /// Whether E.164 phone numbers whose digits after the country code are one digit repeated
    /// (<c>+441111111111</c>) or a counting run (<c>+1 234567890</c>) are blocked (default true).
    /// </summary>
    public bool BlockPlaceholderPhoneNumbers { get; set; } = true;
}
