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
        var incoming = record.Consents;
        if (incoming.IsDefaultOrEmpty)
        {
            // Most records carry none: nothing to allocate on the ingest path.
            return ([], []);
        }

        if (incoming.Length > MaxPerRecord)
        {
            return ([], [new FieldViolation("consents", $"holds {incoming.Length} statements; at most {MaxPerRecord}")]);
        }

        var statements = ImmutableArray.CreateBuilder<ConsentStatement>(incoming.Length);
        var violations = new List<FieldViolation>();
        for (var i = 0; i < incoming.Length; i++)
        {
            var consent = incoming[i];
            var givenAt = (consent.GivenAt ?? observedAt).ToUniversalTime();
            var field = string.Create(CultureInfo.InvariantCulture, $"consents[{i}]");
            if (ConsentRules.Check(options, consent, givenAt, field, violations))
            {
                statements.Add(new ConsentStatement(consent.Purpose, consent.Status!.Value, consent.Basis!.Value, record.Source, givenAt, consent.ExpiresAt?.ToUniversalTime(), receivedAt));
            }
        }

        return violations.Count > 0 ? ([], [.. violations]) : (statements.MoveToImmutable(), []);
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
