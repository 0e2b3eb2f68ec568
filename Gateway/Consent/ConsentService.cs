using Cdm.Api.V1;
using Cdm.Contracts.Ingestion;
using Cdm.Gateway.Errors;
using Cdm.Gateway.Security;
using Cdm.Grains.Consent;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Contract = Cdm.Contracts.Consent;
using FieldViolation = Cdm.Contracts.Records.FieldViolation;

namespace Cdm.Gateway.Consent;

/// <summary><c>cdm.v1.Consent</c>: validates a statement, then one resolver call records or reads it.</summary>
public sealed class ConsentService(IGrainFactory grains, IOptions<ConsentOptions> options, TimeProvider time) : Api.V1.Consent.ConsentBase
{
    private const int MaxSourceLength = 128;

    private const string LookupReason = Profiles.ProfilesService.LookupReason;

    private IResolverGrain Resolver => grains.GetGrain<IResolverGrain>(0);

    [Authorize(Policy = AccessPolicies.ConsentWriters)]
    public override async Task<ProfileConsent> RecordConsent(RecordConsentRequest request, ServerCallContext context)
    {
        var lookup = ConsentMapping.LookupOf(request.Profile);
        var now = time.GetUtcNow();
        var statement = Validate(request.Statement, lookup is null, now);
        var caller = context.Caller();
        if (!caller.Has(Grains.Security.AccessRoles.PrivacyOfficer))
        {
            // A source system speaks only for what it collected itself.
            caller.RequireWrite(statement.Source, "statement.source");
        }

        var view = await Resolver.RecordConsentAsync(lookup!, statement);
        if (view is null)
        {
            RpcErrors.ThrowNotFound("no profile holds the lookup");
        }

        return view.ToProto(now);
    }

    [Authorize(Policy = AccessPolicies.Readers)]
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

        var incoming = statement!.ToIncoming("statement");
        var givenAt = incoming.GivenAt ?? now;
        ConsentRules.Check(options.Value, incoming, givenAt, "statement", violations);
        if (statement.Source.Length > MaxSourceLength)
        {
            violations.Add(new("statement.source", $"is longer than {MaxSourceLength} characters"));
        }

        if (violations.Count > 0)
        {
            RpcErrors.ThrowInvalid(violations);
        }

        var source = statement.Source.Length > 0 ? statement.Source : "api";
        return new Contract.ConsentStatement(incoming.Purpose, incoming.Status!.Value, incoming.Basis!.Value, source, givenAt, incoming.ExpiresAt, now);
    }
}
