using System.Collections.Immutable;
using Cdm.Grains.Normalisation;

namespace Cdm.Grains.Enrichment;

/// <summary>
/// Derives attributes from a record's normalised attributes (the map <see cref="RecordNormaliser"/> produces):
/// <c>phone</c> gives <c>phone_country</c> and <c>phone_line_type</c>; <c>email</c> gives <c>email_domain</c>,
/// <c>email_free</c>, <c>email_disposable</c> and <c>email_role</c>; <c>first_name</c> gives
/// <c>first_name_canonical</c> (once per canonical name, so an ambiguous nickname gives several); <c>birth_date</c>
/// gives <c>age_band</c> on the clock's UTC date or the day given (the day of ingest). A value the normaliser flagged is kept as received and is not
/// trustworthy, so it derives nothing; pass the flagged attribute names to skip them. The result is sorted by name
/// then value, so the same input on the same day always gives the same list. Immutable and thread-safe.
/// </summary>
public sealed class Enricher
{
    /// <summary>What joins several values of one derived attribute in <see cref="ToMap"/>.</summary>
    public const string MultipleValueSeparator = ", ";

    private readonly TimeProvider clock;
    private readonly NameVariants names;

    /// <summary>Creates an enricher with the shipped nickname table; <paramref name="clock"/> says what today is for age bands.</summary>
    public Enricher(TimeProvider clock)
        : this(clock, NameVariants.Shipped)
    {
    }

    /// <summary>Creates an enricher with a given nickname table.</summary>
    public Enricher(TimeProvider clock, NameVariants names)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(names);
        this.clock = clock;
        this.names = names;
    }

    /// <summary>The attributes derived from <paramref name="attributes"/>, skipping those named in <paramref name="flaggedAttributes"/>.</summary>
    public ImmutableArray<DerivedAttribute> Enrich(IReadOnlyDictionary<string, string> attributes, IReadOnlySet<string>? flaggedAttributes = null) =>
        Enrich(attributes, flaggedAttributes, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    /// <summary>
    /// The attributes derived from <paramref name="attributes"/> with age bands on <paramref name="today"/> (the day of
    /// ingest), skipping those named in <paramref name="flaggedAttributes"/>.
    /// </summary>
    public ImmutableArray<DerivedAttribute> Enrich(IReadOnlyDictionary<string, string> attributes, IReadOnlySet<string>? flaggedAttributes, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var derived = ImmutableArray.CreateBuilder<DerivedAttribute>();

        if (TryGet(attributes, flaggedAttributes, "phone", out var phone) && PhoneEnrichment.Describe(phone) is { } phoneFacts)
        {
            AddIfPresent(derived, DerivedAttributeNames.PhoneCountry, phoneFacts.Country);
            AddIfPresent(derived, DerivedAttributeNames.PhoneLineType, phoneFacts.LineType);
        }

        if (TryGet(attributes, flaggedAttributes, "email", out var email) && EmailEnrichment.Describe(email) is { } emailFacts)
        {
            derived.Add(new(DerivedAttributeNames.EmailDomain, emailFacts.Domain));
            derived.Add(new(DerivedAttributeNames.EmailFree, Flag(emailFacts.IsFree)));
            derived.Add(new(DerivedAttributeNames.EmailDisposable, Flag(emailFacts.IsDisposable)));
            derived.Add(new(DerivedAttributeNames.EmailRole, Flag(emailFacts.IsRole)));
        }

        if (TryGet(attributes, flaggedAttributes, "first_name", out var firstName))
        {
            foreach (var canonical in CanonicalFirstNames(firstName))
            {
                derived.Add(new(DerivedAttributeNames.FirstNameCanonical, canonical));
            }
        }

        if (TryGet(attributes, flaggedAttributes, "birth_date", out var birthDate))
        {
            AddIfPresent(derived, DerivedAttributeNames.AgeBand, AgeBand.For(birthDate, today));
        }

        derived.Sort(static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.Name, b.Name);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });
        return derived.ToImmutable();
    }

    /// <summary>
    /// The derived attributes as a record version keeps them: by name, several values of one name (an ambiguous
    /// nickname's canonical names) joined by <c>", "</c> in ordinal order.
    /// </summary>
    public static ImmutableSortedDictionary<string, string> ToMap(ImmutableArray<DerivedAttribute> derived)
    {
        if (derived.IsDefaultOrEmpty)
        {
            return ImmutableSortedDictionary<string, string>.Empty;
        }

        var map = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in derived)
        {
            map[name] = map.TryGetValue(name, out var held) ? held + MultipleValueSeparator + value : value;
        }

        return map.ToImmutable();
    }

    /// <summary>The whole folded name first (<c>mary ann</c>), then its first word (<c>Bill Bob</c> gives <c>william</c>).</summary>
    private ImmutableArray<string> CanonicalFirstNames(string firstName)
    {
        var folded = NameFolding.Fold(firstName);
        var canonicals = names.CanonicalsOf(folded);
        var space = folded.IndexOf(' ', StringComparison.Ordinal);
        return canonicals.IsEmpty && space > 0 ? names.CanonicalsOf(folded[..space]) : canonicals;
    }

    private static bool TryGet(IReadOnlyDictionary<string, string> attributes, IReadOnlySet<string>? flagged, string name, out string value)
    {
        if (attributes.TryGetValue(name, out var found) && !string.IsNullOrWhiteSpace(found) && flagged?.Contains(name) != true)
        {
            value = found;
            return true;
        }

        value = string.Empty;
        return false;
    }

    private static void AddIfPresent(ImmutableArray<DerivedAttribute>.Builder derived, string name, string? value)
    {
        if (value is not null)
        {
            derived.Add(new(name, value));
        }
    }

    private static string Flag(bool value) => value ? "true" : "false";
}
