using Cdm.Contracts.Consent;
using Cdm.Contracts.Records;

namespace Cdm.Grains.Consent;

/// <summary>What makes a consent statement acceptable, wherever it arrives (a source record or the consent service).</summary>
public static class ConsentRules
{
    /// <summary>
    /// Adds to <paramref name="violations"/> what is wrong with <paramref name="consent"/>, given at
    /// <paramref name="givenAt"/>, each naming a field under <paramref name="field"/> (<c>consents[0]</c>,
    /// <c>statement</c>); true when nothing is.
    /// </summary>
    public static bool Check(ConsentOptions options, IncomingConsent consent, DateTimeOffset givenAt, string field, ICollection<FieldViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(consent);
        var before = violations.Count;
        if (!options.IsKnown(consent.Purpose))
        {
            var shown = consent.Purpose.Length <= 64 ? consent.Purpose : consent.Purpose[..64] + "...";
            violations.Add(new FieldViolation(field + ".purpose",
                $"'{shown}' is not a known purpose (standard: {string.Join(", ", ConsentOptions.StandardPurposes)}; others are configured under {ConsentOptions.SectionName}:Purposes)"));
        }

        if (consent.Status is null)
        {
            violations.Add(new FieldViolation(field + ".status", "is required: granted, denied or withdrawn"));
        }

        if (consent.Basis is null)
        {
            violations.Add(new FieldViolation(field + ".basis", "is required: one of the lawful bases"));
        }

        if (consent.ExpiresAt is { } expiry && expiry <= givenAt)
        {
            violations.Add(new FieldViolation(field + ".expires_at", "must be after given_at"));
        }
        else if (consent.ExpiresAt is not null && consent.Status is not (null or ConsentStatus.Granted))
        {
            violations.Add(new FieldViolation(field + ".expires_at", "only a grant lapses"));
        }

        return violations.Count == before;
    }
}
