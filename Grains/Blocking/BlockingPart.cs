namespace Cdm.Grains.Blocking;

/// <summary>
/// One value derived from a normalised record for a blocking key, by name (as rules are written) and short code
/// (as keys are written). Each part reads one attribute and is missing when that attribute is absent, flagged,
/// or yields nothing. A part with a <see cref="FallbackAttribute"/> reads that one when <see cref="Attribute"/> yields nothing.
/// </summary>
public sealed record BlockingPart(string Name, string Code, string Attribute, string? FallbackAttribute = null)
{
    /// <summary>NYSIIS code of the folded <c>last_name</c>.</summary>
    public static readonly BlockingPart SurnamePhonetic = new("surname_phonetic", "sn", "last_name");

    /// <summary>Soundex code of the folded <c>last_name</c>.</summary>
    public static readonly BlockingPart SurnameSoundex = new("surname_soundex", "sx", "last_name");

    /// <summary>Primary Double Metaphone code of the folded <c>last_name</c>.</summary>
    public static readonly BlockingPart SurnameMetaphone = new("surname_metaphone", "sm", "last_name");

    /// <summary>The folded <c>last_name</c>, spaces removed.</summary>
    public static readonly BlockingPart Surname = new("surname", "s", "last_name");

    /// <summary>The first letter of the folded <c>last_name</c>.</summary>
    public static readonly BlockingPart SurnameInitial = new("surname_initial", "si", "last_name");

    /// <summary>NYSIIS code of the folded <c>first_name</c>.</summary>
    public static readonly BlockingPart FirstNamePhonetic = new("first_name_phonetic", "fn", "first_name");

    /// <summary>Soundex code of the folded <c>first_name</c>.</summary>
    public static readonly BlockingPart FirstNameSoundex = new("first_name_soundex", "fx", "first_name");

    /// <summary>Primary Double Metaphone code of the folded <c>first_name</c>.</summary>
    public static readonly BlockingPart FirstNameMetaphone = new("first_name_metaphone", "fm", "first_name");

    /// <summary>The folded <c>first_name</c>, spaces removed.</summary>
    public static readonly BlockingPart FirstName = new("first_name", "f", "first_name");

    /// <summary>The first letter of the folded <c>first_name</c>.</summary>
    public static readonly BlockingPart FirstNameInitial = new("first_name_initial", "fi", "first_name");

    /// <summary>The year of an ISO <c>birth_date</c>.</summary>
    public static readonly BlockingPart BirthYear = new("birth_year", "by", "birth_date");

    /// <summary>An ISO <c>birth_date</c> as <c>yyyyMMdd</c>.</summary>
    public static readonly BlockingPart BirthDate = new("birth_date", "bd", "birth_date");

    /// <summary>The <c>postcode</c>, upper case, spaces and dashes removed.</summary>
    public static readonly BlockingPart Postcode = new("postcode", "pc", "postcode");

    /// <summary>The <c>national_id</c>, upper case, letters and digits only.</summary>
    public static readonly BlockingPart NationalId = new("national_id", "nid", "national_id");

    /// <summary>The part of <c>email</c> before the <c>@</c>, without any <c>+tag</c>, dots removed, folded.</summary>
    public static readonly BlockingPart EmailLocalPartFolded = new("email_local_part_folded", "em", "email");

    /// <summary>
    /// The house number: the first run of digits of <c>street_number</c> or, when a source keeps the number in the
    /// address line, of <c>address_line1</c>. The matcher compares the <c>street_number</c> field, so the key must read it first.
    /// </summary>
    public static readonly BlockingPart StreetNumber = new("street_number", "st", "street_number", "address_line1");

    /// <summary>Every known part.</summary>
    public static IReadOnlyList<BlockingPart> All { get; } =
    [
        SurnamePhonetic, SurnameSoundex, SurnameMetaphone, Surname, SurnameInitial, FirstNamePhonetic, FirstNameSoundex,
        FirstNameMetaphone, FirstName, FirstNameInitial, BirthYear, BirthDate, Postcode, NationalId, EmailLocalPartFolded, StreetNumber,
    ];

    /// <summary>The known part named <paramref name="name"/>, or null.</summary>
    public static BlockingPart? Find(string name)
    {
        foreach (var part in All)
        {
            if (part.Name == name)
            {
                return part;
            }
        }

        return null;
    }
}
