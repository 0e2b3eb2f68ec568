namespace Cdm.Grains.Enrichment;

/// <summary>The names of the attributes <see cref="Enricher"/> derives.</summary>
public static class DerivedAttributeNames
{
    /// <summary>ISO 3166 region of <c>phone</c>.</summary>
    public const string PhoneCountry = "phone_country";

    /// <summary>Line type of <c>phone</c> (<c>mobile</c>, <c>fixed_line</c>, ...).</summary>
    public const string PhoneLineType = "phone_line_type";

    /// <summary>Domain of <c>email</c>.</summary>
    public const string EmailDomain = "email_domain";

    /// <summary>Whether <c>email</c> is at a free-mail provider.</summary>
    public const string EmailFree = "email_free";

    /// <summary>Whether <c>email</c> is at a disposable mailbox service.</summary>
    public const string EmailDisposable = "email_disposable";

    /// <summary>Whether <c>email</c> is a role address, which must never link two people.</summary>
    public const string EmailRole = "email_role";

    /// <summary>Canonical given name(s) of <c>first_name</c>, folded; one attribute per canonical name when the nickname is ambiguous.</summary>
    public const string FirstNameCanonical = "first_name_canonical";

    /// <summary>Age band of <c>birth_date</c> on the day of ingest (the enricher's clock date, or the day given).</summary>
    public const string AgeBand = "age_band";

    /// <summary>The source attribute a derived attribute is derived from (<c>phone_country</c> gives <c>phone</c>); null for other names.</summary>
    public static string? SourceAttributeOf(string derivedName) => derivedName switch
    {
        PhoneCountry or PhoneLineType => "phone",
        EmailDomain or EmailFree or EmailDisposable or EmailRole => "email",
        FirstNameCanonical => "first_name",
        AgeBand => "birth_date",
        _ => null,
    };
}
