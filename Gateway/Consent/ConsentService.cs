using Cdm.Api.V1;
using Cdm.Contracts.Ingestion;
using Cdm.Gateway.Errors;
using Cdm.Grains.Consent;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Contract = Cdm.Contracts.Consent;
using FieldViolation = Cdm.Contracts.Records.FieldViolation;

namespace Cdm.Gateway.Consent;

/// <summary><c>cdm.v1.Consent</c>: validates a statement, then one resolver call records or reads it.</summary>
public sealed class ConsentService(IGrainFactory grains, IOptions<ConsentOptions> options, TimeProvider time) : Api.V1.Consent.ConsentBase
{
    private const int MaxSourceLength = 128;

    private const string LookupReason = "set exactly one of profile_id, identifier (type and value) or source_key (source and record_id)";

    private IResolverGrain Resolver => grains.GetGrain<IResolverGrain>(0);

    public override async Task<ProfileConsent> RecordConsent(RecordConsentRequest request, ServerCallContext context)
    {
        var lookup = ConsentMapping.LookupOf(request.Profile);
        var now = time.GetUtcNow();
        var statement = Validate(request.Statement, lookup is null, now);
        var view = await Resolver.RecordConsentAsync(lookup!, statement);
        if (view is null)
        {
            RpcErrors.ThrowNotFound("no profile holds the lookup");
        }

        return view.ToProto(now);
    }

    public override async Task<ProfileConsent> GetConsent(GetConsentRequest request, ServerCallContext context)
    {
        var lookup = ConsentMapping.LookupOf(request.Profile);
        if (lookup is null)
        {
            RpcErrors.ThrowInvalid("profile", LookupReason);
        }

        var view = await Resolver.GetConsentAsync(lookup);
        if (view is null)
        {
            RpcErrors.ThrowNotFound("no profile holds the lookup");
        }

        return view.ToProto(time.GetUtcNow());
    }

    /// <summary>The statement of a request; INVALID_ARGUMENT naming every field that is wrong.</summary>
    private Contract.ConsentStatement Validate(ConsentStatement? statement, bool badLookup, DateTimeOffset now)
    {
        var violations = new List<FieldViolation>();
        if (badLookup)
        {
            violations.Add(new("profile", LookupReason));
        }

        if (statement is null)
        {
            violations.Add(new("statement", "is required"));
            RpcErrors.ThrowInvalid(violations);
        }

        if (!options.Value.IsKnown(statement!.Purpose))
        {
            violations.Add(new("statement.purpose", $"'{Truncate(statement.Purpose)}' is not a known purpose (standard: {string.Join(", ", ConsentOptions.StandardPurposes)}; others are configured under {ConsentOptions.SectionName}:Purposes)"));
        }

        var status = ConsentMapping.ToContract(statement.Status);
        if (status is null)
        {
            violations.Add(new("statement.status", "is required: granted, denied or withdrawn"));
        }

        var basis = ConsentMapping.ToContract(statement.Basis);
        if (basis is null)
        {
            violations.Add(new("statement.basis", "is required: one of the lawful bases"));
        }

        if (statement.Source.Length > MaxSourceLength)
        {
            violations.Add(new("statement.source", $"is longer than {MaxSourceLength} characters"));
        }

        var givenAt = TimestampFields.TimeOf(statement.GivenAt, "statement.given_at") ?? now;
        var expiresAt = TimestampFields.TimeOf(statement.ExpiresAt, "statement.expires_at");
        if (expiresAt is { } expiry && expiry <= givenAt)
        {
            violations.Add(new("statement.expires_at", "must be after given_at"));
        }

        if (status is { } s && s != Contract.ConsentStatus.Granted && expiresAt is not null)
        {
            violations.Add(new("statement.expires_at", "only a grant lapses"));
        }

        if (violations.Count > 0)
        {
            RpcErrors.ThrowInvalid(violations);
        }

        var source = statement.Source.Length > 0 ? statement.Source : "api";
        return new Contract.ConsentStatement(statement.Purpose, status!.Value, basis!.Value, source, givenAt, expiresAt, now);
    }

    private static string Truncate(string value) => value.Length <= 64 ? value : value[..64] + "...";
}
