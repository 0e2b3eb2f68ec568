using System.Collections.Frozen;
using System.Collections.Immutable;
using Cdm.Contracts.Records;
using Cdm.Grains.Enrichment;

using Cdm.Grains.Consent;

namespace Cdm.Grains.Normalisation;

/// <summary>
/// Turns an incoming source record into the record version a profile keeps: validates it (rejecting it whole on any
/// violation), normalises every attribute, derives the deterministic identifiers (identifier attributes and external
/// identifiers, placeholders, role and disposable email addresses removed), computes the content hash and, when it
/// has an <see cref="Enricher"/>, derives the enrichment attributes (not part of the hash). Immutable and thread-safe; build one and share it.
/// </summary>
/// <remarks>
/// Attribute rules by name: <c>email</c>, <c>phone</c>, <c>first_name</c>, <c>middle_name</c>, <c>last_name</c>,
/// <c>full_name</c>, <c>postcode</c>, <c>gender</c>, <c>country</c>, and dates for <c>birth_date</c> and every
/// name ending in <c>_date</c>; every other attribute is trimmed and whitespace-collapsed. An attribute empty after
/// trimming is dropped. A flagged value is kept as received and never becomes an identifier.
/// An email address that names a role (<c>info@</c>, <c>sales@</c>, ...) is shared by several people, and one at a
/// disposable mailbox service is short-lived and often readable by anyone, so sharing one says nothing about being
/// one person: both are kept with a quality flag and never link, as a placeholder is.
/// External identifiers keep their type and case, trimmed and whitespace-collapsed; those of type <c>email</c> or
/// <c>phone</c> are normalised as those attributes are, so they link with them.
/// </remarks>
public sealed class RecordNormaliser
{
    /// <summary>The quality issue of an identifier value that is a known placeholder.</summary>
    public const string BlockedIssue = "placeholder value, not used as an identifier";

    /// <summary>The quality issue of an email address that names a role (<c>info@</c>, <c>sales@</c>): kept, but it never links two people.</summary>
    public const string RoleAddressIssue = "role address, not used as an identifier";

    /// <summary>The quality issue of an email address at a disposable mailbox service: kept, but it never links.</summary>
    public const string DisposableAddressIssue = "disposable address, not used as an identifier";

    private const string IdentifierFlagPrefix = "identifiers.";

    private readonly RecordValidator validator;
    private readonly EmailNormaliser email = new();
    private readonly PhoneNormaliser phone;
    private readonly NameNormaliser name = new();
    private readonly DateNormaliser date;
    private readonly PostcodeNormaliser postcode = new();
    private readonly GenderNormaliser gender = new();
    private readonly CountryNormaliser country = new();
    private readonly TextNormaliser text = new();
    private readonly FrozenSet<string> identifierAttributes;
    private readonly BlockedValueSet blocked;
    private readonly Enricher? enricher;
    private readonly RecordConsents consents;

    /// <summary>
    /// Creates a normaliser; <paramref name="timeProvider"/> says what now is for the date and time limits. With an
    /// <paramref name="enricher"/>, every version gets the attributes it derives, age bands as of the day received.
    /// </summary>
    /// <exception cref="ArgumentException">The options are not usable (an unknown phone region, a limit below 1).</exception>
    public RecordNormaliser(NormalisationOptions options, TimeProvider timeProvider, Enricher? enricher = null, RecordConsents? consents = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var limits = options.RecordLimits ?? throw new ArgumentException("RecordLimits is required.", nameof(options));
        CheckLimits(limits);

        validator = new RecordValidator(limits, timeProvider);
        phone = new PhoneNormaliser(options.DefaultRegion);
        date = new DateNormaliser(timeProvider, options.DateOrder);
        identifierAttributes = (options.IdentifierAttributes ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).ToFrozenSet(StringComparer.Ordinal);
        blocked = new BlockedValueSet(options.BlockedValues ?? new BlockedValueOptions(), NormaliseBlockedEntry);
        this.enricher = enricher;
        this.consents = consents ?? new RecordConsents(new ConsentOptions());
    }

    /// <summary>
    /// Validates and normalises <paramref name="record"/>, received at <paramref name="receivedAt"/> (which becomes
    /// observed-at when the record has none, but is not part of the content hash).
    /// </summary>
    public NormalisationResult Normalise(IncomingRecord record, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(record);
        var violations = validator.Validate(record);
        if (!violations.IsEmpty)
        {
            return NormalisationResult.Rejected(violations);
        }

        var attributes = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var identifiers = ImmutableArray.CreateBuilder<LinkIdentifier>();
        ImmutableArray<QualityFlag>.Builder? flags = null;

        foreach (var (attribute, raw) in record.Attributes ?? ImmutableDictionary<string, string>.Empty)
        {
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var result = For(attribute).Normalise(raw);
            if (result.IsDropped)
            {
                continue;
            }

            attributes[attribute] = result.Value;
            if (result.Issue is not null)
            {
                Flag(ref flags, attribute, result.Issue);
            }
            else if (identifierAttributes.Contains(attribute))
            {
                if (blocked.IsBlocked(attribute, result.Value))
                {
                    Flag(ref flags, attribute, BlockedIssue);
                }
                else if (UnlinkableIssue(attribute, result.Value) is { } issue)
                {
                    Flag(ref flags, attribute, issue);
                }
                else
                {
                    identifiers.Add(Link(attribute, result.Value));
                }
            }
        }

        if (!record.Identifiers.IsDefault)
        {
            foreach (var external in record.Identifiers)
            {
                var result = NormaliseExternal(external.Type, external.Value ?? string.Empty);
                if (result.Issue is not null)
                {
                    Flag(ref flags, IdentifierFlagPrefix + external.Type, result.Issue);
                }
                else if (result.IsDropped || blocked.IsBlocked(external.Type, result.Value))
                {
                    Flag(ref flags, IdentifierFlagPrefix + external.Type, BlockedIssue);
                }
                else if (UnlinkableIssue(external.Type, result.Value) is { } issue)
                {
                    Flag(ref flags, IdentifierFlagPrefix + external.Type, issue);
                }
                else
                {
                    identifiers.Add(Link(external.Type, result.Value));
                }
            }
        }

        var observedAt = (record.ObservedAt ?? receivedAt).ToUniversalTime();
        var (statements, consentViolations) = consents.Read(record, observedAt, receivedAt.ToUniversalTime());
        if (!consentViolations.IsEmpty)
        {
            return NormalisationResult.Rejected(consentViolations);
        }

        var sortedAttributes = attributes.ToImmutable();
        var linkIdentifiers = SortDistinct(identifiers);
        // A record sent without observed-at is hashed without it, so re-sending it changes nothing.
        var hash = RecordContentHash.Compute(
            record.Source, record.RecordId, record.ObservedAt?.ToUniversalTime() ?? DateTimeOffset.MinValue, sortedAttributes, linkIdentifiers, RecordConsents.HashLines(record));
        var qualityFlags = SortFlags(flags);
        var version = new RecordVersion(
            record.Source,
            record.RecordId,
            observedAt,
            receivedAt.ToUniversalTime(),
            sortedAttributes,
            linkIdentifiers,
            qualityFlags,
            hash)
        {
            DerivedAttributes = Derive(sortedAttributes, qualityFlags, receivedAt),
            Consents = statements,
        };
        return NormalisationResult.Accepted(version);
    }

    /// <summary>
    /// The identifier grain key for a value looked up by type (for reads by identifier), normalised as an
    /// ingested identifier would be; null when the value could never link (invalid or a placeholder).
    /// </summary>
    public string? IdentifierKey(string type, string value)
    {
        var result = NormaliseExternal(type, value);
        return result.IsValid && !blocked.IsBlocked(type, result.Value) && UnlinkableIssue(type, result.Value) is null
            ? IdentifierKeys.For(type, result.Value)
            : null;
    }

    /// <summary>Why a valid, unblocked identifier value still must not link: a role or disposable email address; null when it may.</summary>
    private static string? UnlinkableIssue(string type, string value)
    {
        if (type != "email" || EmailEnrichment.Describe(value) is not { } facts)
        {
            return null;
        }

        return facts.IsRole ? RoleAddressIssue : facts.IsDisposable ? DisposableAddressIssue : null;
    }

    /// <summary>
    /// The enrichment of the normalised attributes, age bands as of the day received. Values flagged as invalid or
    /// implausible are not trusted and derive nothing; a role or disposable address is a valid address and does.
    /// </summary>
    private ImmutableSortedDictionary<string, string> Derive(ImmutableSortedDictionary<string, string> attributes, ImmutableArray<QualityFlag> flags, DateTimeOffset receivedAt)
    {
        if (enricher is null)
        {
            return ImmutableSortedDictionary<string, string>.Empty;
        }

        HashSet<string>? untrusted = null;
        foreach (var flag in flags)
        {
            if (flag.Issue is not (RoleAddressIssue or DisposableAddressIssue))
            {
                (untrusted ??= new HashSet<string>(StringComparer.Ordinal)).Add(flag.Attribute);
            }
        }

        var today = DateOnly.FromDateTime(receivedAt.UtcDateTime);
        return Enricher.ToMap(enricher.Enrich(attributes, untrusted, today));
    }

    private IAttributeNormaliser For(string attribute) => attribute switch
    {
        "email" => email,
        "phone" => phone,
        "first_name" or "middle_name" or "last_name" or "full_name" => name,
        "postcode" => postcode,
        "gender" => gender,
        "country" => country,
        _ when attribute.EndsWith("_date", StringComparison.Ordinal) => date,
        _ => text,
    };

    /// <summary>Email and phone identifiers follow the attribute rules, so they link with those attributes.</summary>
    private NormalisedValue NormaliseExternal(string type, string value) => type switch
    {
        "email" => email.Normalise(value),
        "phone" => phone.Normalise(value),
        _ => text.Normalise(value),
    };

    /// <summary>A configured placeholder in the form values of its type take, so <c>(212) 555-1212</c> blocks <c>+12125551212</c>.</summary>
    private string? NormaliseBlockedEntry(string type, string entry)
    {
        var result = NormaliseExternal(type, entry);
        return result.IsValid ? result.Value : null;
    }

    private static LinkIdentifier Link(string type, string value) => new(type, value, IdentifierKeys.For(type, value));

    private static void Flag(ref ImmutableArray<QualityFlag>.Builder? flags, string attribute, string issue) =>
        (flags ??= ImmutableArray.CreateBuilder<QualityFlag>()).Add(new QualityFlag(attribute, issue));

    /// <summary>Sorted by key and without repeats, so the same content always yields the same version.</summary>
    private static ImmutableArray<LinkIdentifier> SortDistinct(ImmutableArray<LinkIdentifier>.Builder identifiers)
    {
        if (identifiers.Count == 0)
        {
            return [];
        }

        identifiers.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var write = 1;
        for (var read = 1; read < identifiers.Count; read++)
        {
            if (identifiers[read].Key != identifiers[write - 1].Key)
            {
                identifiers[write++] = identifiers[read];
            }
        }

        identifiers.Count = write;
        return identifiers.DrainToImmutable();
    }

    private static ImmutableArray<QualityFlag> SortFlags(ImmutableArray<QualityFlag>.Builder? flags)
    {
        if (flags is null)
        {
            return [];
        }

        // Attributes arrive in hash order; sorting keeps the version the same for the same content.
        flags.Sort(static (a, b) => string.CompareOrdinal(a.Attribute, b.Attribute) is var c and not 0 ? c : string.CompareOrdinal(a.Issue, b.Issue));
        return flags.DrainToImmutable();
    }

    private static void CheckLimits(RecordLimits limits)
    {
        (string Name, int Value)[] counts =
        [
            (nameof(limits.MaxSourceLength), limits.MaxSourceLength),
            (nameof(limits.MaxRecordIdLength), limits.MaxRecordIdLength),
            (nameof(limits.MaxAttributes), limits.MaxAttributes),
            (nameof(limits.MaxAttributeNameLength), limits.MaxAttributeNameLength),
            (nameof(limits.MaxAttributeValueLength), limits.MaxAttributeValueLength),
            (nameof(limits.MaxIdentifiers), limits.MaxIdentifiers),
            (nameof(limits.MaxIdentifierTypeLength), limits.MaxIdentifierTypeLength),
            (nameof(limits.MaxIdentifierValueLength), limits.MaxIdentifierValueLength),
        ];
        foreach (var (limitName, value) in counts)
        {
            if (value < 1)
            {
                throw new ArgumentException($"RecordLimits.{limitName} must be at least 1; it is {value}.", nameof(limits));
            }
        }

        if (limits.MaxObservedAtAhead < TimeSpan.Zero)
        {
            throw new ArgumentException("RecordLimits.MaxObservedAtAhead must not be negative.", nameof(limits));
        }
    }
}
