using Cdm.Api.V1;
using Cdm.Contracts.Profiles;
using Cdm.Gateway.Errors;
using Cdm.Gateway.Profiles;
using Cdm.Grains.Consent;
using Google.Protobuf.WellKnownTypes;
using Contract = Cdm.Contracts.Consent;

namespace Cdm.Gateway.Consent;

/// <summary>Between the consent messages of <c>cdm.v1.Consent</c> and the ledger's statements.</summary>
public static class ConsentMapping
{
    /// <summary>The lookup a request names, or null when it does not name exactly one in full.</summary>
    public static ProfileLookup? LookupOf(ConsentLookup? lookup) =>
        lookup is null ? null : ProfilesService.LookupOf(lookup.ProfileId, lookup.Identifier, lookup.SourceKey);

    /// <summary>A statement as sent, unchecked; INVALID_ARGUMENT naming a timestamp under <paramref name="field"/> that is no time.</summary>
    public static Contract.IncomingConsent ToIncoming(this Api.V1.ConsentStatement statement, string field) => new(
        statement.Purpose,
        ToContract(statement.Status),
        ToContract(statement.Basis),
        TimestampFields.TimeOf(statement.GivenAt, field + ".given_at"),
        TimestampFields.TimeOf(statement.ExpiresAt, field + ".expires_at"));

    public static Contract.ConsentStatus? ToContract(ConsentStatus status) => status switch
    {
        ConsentStatus.Granted => Contract.ConsentStatus.Granted,
        ConsentStatus.Denied => Contract.ConsentStatus.Denied,
        ConsentStatus.Withdrawn => Contract.ConsentStatus.Withdrawn,
        _ => null,
    };

    public static Contract.LawfulBasis? ToContract(LawfulBasis basis) => basis switch
    {
        LawfulBasis.Consent => Contract.LawfulBasis.Consent,
        LawfulBasis.Contract => Contract.LawfulBasis.Contract,
        LawfulBasis.LegalObligation => Contract.LawfulBasis.LegalObligation,
        LawfulBasis.VitalInterests => Contract.LawfulBasis.VitalInterests,
        LawfulBasis.PublicTask => Contract.LawfulBasis.PublicTask,
        LawfulBasis.LegitimateInterests => Contract.LawfulBasis.LegitimateInterests,
        _ => null,
    };

    public static ProfileConsent ToProto(this Contract.ProfileConsentView view, DateTimeOffset now)
    {
        var ledger = ConsentLedger.Of(view.Statements);
        var answer = new ProfileConsent { ProfileId = view.ProfileId };
        foreach (var purpose in ledger.Purposes)
        {
            var effective = ledger.Effective(purpose, now);
            var state = new PurposeConsent
            {
                Purpose = purpose,
                Current = effective.Statement?.ToProto(),
                Allows = effective.Allows,
                Expired = effective.Expired,
            };
            state.History.AddRange(ledger.History(purpose).Select(static s => s.ToProto()));
            answer.Purposes.Add(state);
        }

        return answer;
    }

    private static Api.V1.ConsentStatement ToProto(this Contract.ConsentStatement statement)
    {
        var message = new Api.V1.ConsentStatement
        {
            Purpose = statement.Purpose,
            Status = statement.Status switch
            {
                Contract.ConsentStatus.Granted => ConsentStatus.Granted,
                Contract.ConsentStatus.Denied => ConsentStatus.Denied,
                _ => ConsentStatus.Withdrawn,
            },
            Basis = statement.Basis switch
            {
                Contract.LawfulBasis.Consent => LawfulBasis.Consent,
                Contract.LawfulBasis.Contract => LawfulBasis.Contract,
                Contract.LawfulBasis.LegalObligation => LawfulBasis.LegalObligation,
                Contract.LawfulBasis.VitalInterests => LawfulBasis.VitalInterests,
                Contract.LawfulBasis.PublicTask => LawfulBasis.PublicTask,
                _ => LawfulBasis.LegitimateInterests,
            },
            Source = statement.Source,
            GivenAt = Timestamp.FromDateTimeOffset(statement.At),
            RecordedAt = Timestamp.FromDateTimeOffset(statement.RecordedAt),
        };
        if (statement.ExpiresAt is { } expires)
        {
            message.ExpiresAt = Timestamp.FromDateTimeOffset(expires);
        }

        return message;
    }
}
