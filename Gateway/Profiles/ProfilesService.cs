using Cdm.Api.V1;
using Cdm.Contracts.Ingestion;
using Cdm.Contracts.Profiles;
using Cdm.Gateway.Errors;
using Grpc.Core;

namespace Cdm.Gateway.Profiles;

/// <summary><c>cdm.v1.Profiles</c>: profile reads, cross references and history, one grain call each.</summary>
public sealed class ProfilesService(IGrainFactory grains) : Api.V1.Profiles.ProfilesBase
{
    private IResolverGrain Resolver => grains.GetGrain<IResolverGrain>(0);

    public override async Task<Profile> GetProfile(GetProfileRequest request, ServerCallContext context)
    {
        var view = await Resolver.GetProfileAsync(LookupOf(request), request.IncludeVersions);
        if (view is null)
        {
            RpcErrors.ThrowNotFound("no profile holds " + Describe(request));
        }

        return view.ToProto();
    }

    /// <summary>The lookup a request names; INVALID_ARGUMENT unless exactly one is set in full.</summary>
    public static ProfileLookup LookupOf(GetProfileRequest request)
    {
        var lookup = request.LookupCase switch
        {
            GetProfileRequest.LookupOneofCase.ProfileId when request.ProfileId.Length > 0 => ProfileLookup.ById(request.ProfileId),
            GetProfileRequest.LookupOneofCase.Identifier when request.Identifier.Type.Length > 0 && request.Identifier.Value.Length > 0 =>
                ProfileLookup.ByIdentifier(request.Identifier.Type, request.Identifier.Value),
            GetProfileRequest.LookupOneofCase.SourceKey when request.SourceKey.Source.Length > 0 && request.SourceKey.RecordId.Length > 0 =>
                ProfileLookup.BySourceKey(request.SourceKey.Source, request.SourceKey.RecordId),
            _ => null,
        };
        if (lookup is null)
        {
            RpcErrors.ThrowInvalid("lookup", "set exactly one of profile_id, identifier (type and value) or source_key (source and record_id)");
        }

        return lookup;
    }

    public override async Task ListCrossReferences(ListCrossReferencesRequest request, IServerStreamWriter<CrossReference> responseStream, ServerCallContext context)
    {
        var source = request.Source.Length > 0 ? request.Source : null;
        await foreach (var entry in grains.GetGrain<ICrossReferenceGrain>(Random.Shared.NextInt64()).ListAsync(source, context.CancellationToken).WithCancellation(context.CancellationToken))
        {
            await responseStream.WriteAsync(new CrossReference { Source = entry.Source, RecordId = entry.RecordId, ProfileId = entry.ProfileId });
        }
    }

    public override async Task<ProfileHistory> GetHistory(GetHistoryRequest request, ServerCallContext context)
    {
        if (request.ProfileId.Length == 0)
        {
            RpcErrors.ThrowInvalid("profile_id", "is required");
        }

        var history = await Resolver.GetHistoryAsync(request.ProfileId);
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
