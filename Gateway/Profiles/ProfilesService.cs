using Cdm.Api.V1;
using Cdm.Contracts.Ingestion;
using Cdm.Contracts.Profiles;
using Cdm.Gateway.Errors;
using Cdm.Gateway.Security;
using Cdm.Grains.Privacy;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Cdm.Gateway.Profiles;

/// <summary><c>cdm.v1.Profiles</c>: profile reads, cross references and history, one grain call each.</summary>
public sealed class ProfilesService(IGrainFactory grains, ReadPolicy readPolicy) : Api.V1.Profiles.ProfilesBase
{
    private IResolverGrain Resolver => grains.GetGrain<IResolverGrain>(0);

    [Authorize(Policy = AccessPolicies.Readers)]
    public override async Task<Profile> GetProfile(GetProfileRequest request, ServerCallContext context)
    {
        var lookup = LookupOf(request);
        var purpose = PurposeOf(request.Purpose);
        context.Caller().RequireRead(purpose);
        var view = await Resolver.GetProfileAsync(lookup, request.IncludeVersions, purpose);
        if (view is null)
        {
            RpcErrors.ThrowNotFound("no profile holds " + Describe(request));
        }

        return view.ToProto();
    }

    /// <summary>The declared purpose of a read; INVALID_ARGUMENT naming <c>purpose</c> when it is missing or unknown.</summary>
    private string PurposeOf(string purpose)
    {
        if (purpose.Length == 0)
        {
            RpcErrors.ThrowInvalid("purpose", $"is required: why the profile is read (one of {string.Join(", ", readPolicy.Purposes)})");
        }

        if (!readPolicy.IsKnown(purpose))
        {
            RpcErrors.ThrowInvalid("purpose", readPolicy.UnknownPurposeMessage(purpose));
        }

        return purpose;
    }

    /// <summary>What a request must say about the profile it names.</summary>
    public const string LookupReason = "set exactly one of profile_id, identifier (type and value) or source_key (source and record_id)";

    /// <summary>The lookup a request names; INVALID_ARGUMENT unless exactly one is set in full.</summary>
    public static ProfileLookup LookupOf(GetProfileRequest request)
    {
        var lookup = LookupOf(request.ProfileId, request.Identifier, request.SourceKey);
        if (lookup is null)
        {
            RpcErrors.ThrowInvalid("lookup", LookupReason);
        }

        return lookup;
    }

    /// <summary>
    /// The lookup of a request's <c>oneof</c> (at most one of the three is set), or null unless one is set in full.
    /// Shared by every request that names a profile.
    /// </summary>
    public static ProfileLookup? LookupOf(string profileId, Identifier? identifier, SourceKey? sourceKey) =>
        profileId.Length > 0 ? ProfileLookup.ById(profileId)
        : identifier is { Type.Length: > 0, Value.Length: > 0 } ? ProfileLookup.ByIdentifier(identifier.Type, identifier.Value)
        : sourceKey is { Source.Length: > 0, RecordId.Length: > 0 } ? ProfileLookup.BySourceKey(sourceKey.Source, sourceKey.RecordId)
        : null;

    [Authorize(Policy = AccessPolicies.RecordListers)]
    public override async Task ListCrossReferences(ListCrossReferencesRequest request, IServerStreamWriter<CrossReference> responseStream, ServerCallContext context)
    {
        var source = request.Source.Length > 0 ? request.Source : null;
        await foreach (var entry in grains.GetGrain<ICrossReferenceGrain>(Random.Shared.NextInt64()).ListAsync(source, context.CancellationToken).WithCancellation(context.CancellationToken))
        {
            await responseStream.WriteAsync(new CrossReference { Source = entry.Source, RecordId = entry.RecordId, ProfileId = entry.ProfileId });
        }
    }

    [Authorize(Policy = AccessPolicies.Readers)]
    public override async Task<ProfileHistory> GetHistory(GetHistoryRequest request, ServerCallContext context)
    {
        if (request.ProfileId.Length == 0)
        {
            RpcErrors.ThrowInvalid("profile_id", "is required");
        }

        var purpose = PurposeOf(request.Purpose);
        context.Caller().RequireRead(purpose);
        var history = await Resolver.GetHistoryAsync(request.ProfileId, purpose);
        if (history is null)
        {
            RpcErrors.ThrowNotFound($"no profile {request.ProfileId}");
        }

        return history.ToProto();
    }

    public static string Describe(GetProfileRequest request) => request.LookupCase switch
    {
        GetProfileRequest.LookupOneofCase.ProfileId => $"profile id {request.ProfileId}",
        GetProfileRequest.LookupOneofCase.Identifier => $"identifier {request.Identifier.Type}",
        _ => $"source key {request.SourceKey.Source}/{request.SourceKey.RecordId}",
    };
}
