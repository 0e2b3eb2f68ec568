using System.Collections.Immutable;
using System.Globalization;
using Cdm.Contracts.Consent;
using Cdm.Contracts.Records;

namespace Cdm.Grains.Consent;

/// <summary>Validates the consent statements a source record carries and makes them ledger statements.</summary>
public sealed class RecordConsents(ConsentOptions options)
{
    /// <summary>The most statements one record may carry.</summary>
    public const int MaxPerRecord = 32;

    /// <summary>
    /// The statements of <paramref name="record"/>, given by its source, at <c>given_at</c> or else the record's
    /// <paramref name="observedAt"/>; or the violations, each naming the field (<c>consents[i].purpose</c>).
    /// </summary>
    public (ImmutableArray<ConsentStatement> Statements, ImmutableArray<FieldViolation> Violations) Read(
        IncomingRecord record, DateTimeOffset observedAt, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(record);
        var incoming = record.Consents.IsDefault ? [] : record.Consents;
        if (incoming.Length > MaxPerRecord)
        {
            return ([], [new FieldViolation("consents", $"holds {incoming.Length} statements; at most {MaxPerRecord}")]);
        }

        var statements = ImmutableArray.CreateBuilder<ConsentStatement>(incoming.Length);
        var violations = ImmutableArray.CreateBuilder<FieldViolation>();
        for (var i = 0; i < incoming.Length; i++)
        {
            var consent = incoming[i];
            var field = string.Create(CultureInfo.InvariantCulture, $"consents[{i}]");
            if (!options.IsKnown(consent.Purpose))
            {
                violations.Add(new FieldViolation(field + ".purpose", $"'{consent.Purpose}' is not a known purpose"));
            }

            if (consent.Status is null)
            {
                violations.Add(new FieldViolation(field + ".status", "is required: granted, denied or withdrawn"));
            }

            if (consent.Basis is null)
            {
                violations.Add(new FieldViolation(field + ".basis", "is required: one of the lawful bases"));
            }

            var givenAt = (consent.GivenAt ?? observedAt).ToUniversalTime();
            if (consent.ExpiresAt is { } expiry && expiry <= givenAt)
            {
                violations.Add(new FieldViolation(field + ".expires_at", "must be after given_at"));
            }
            else if (consent.ExpiresAt is not null && consent.Status is not (null or ConsentStatus.Granted))
            {
                violations.Add(new FieldViolation(field + ".expires_at", "only a grant lapses"));
            }

            if (consent.Status is { } status && consent.Basis is { } basis)
            {
                statements.Add(new ConsentStatement(consent.Purpose, status, basis, record.Source, givenAt, consent.ExpiresAt?.ToUniversalTime(), receivedAt));
            }
        }

        return violations.Count > 0 ? ([], violations.ToImmutable()) : (statements.ToImmutable(), []);
    }

    /// <summary>
    /// A canonical line per statement as sent, for the content hash: a record re-sent with other consent is a new
    /// version, and one re-sent unchanged hashes the same even when its statements default to the arrival time.
    /// </summary>
    public static IReadOnlyList<string> HashLines(IncomingRecord record) =>
        record.Consents.IsDefaultOrEmpty
            ? []
            : [.. record.Consents.Select(static c => string.Create(CultureInfo.InvariantCulture,
                $"{c.Purpose}|{(int?)c.Status}|{(int?)c.Basis}|{c.GivenAt?.UtcTicks}|{c.ExpiresAt?.UtcTicks}"))];
}
