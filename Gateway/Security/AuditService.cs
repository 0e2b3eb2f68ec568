using System.Globalization;
using Cdm.Api.V1;
using Cdm.Contracts.Audit;
using Cdm.Contracts.Ingestion;
using Cdm.Gateway.Errors;
using Cdm.Gateway.Profiles;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Cdm.Gateway.Security;

/// <summary><c>cdm.v1.Audit</c>: the audit log by profile or by caller, for privacy officers.</summary>
[Authorize(Policy = AccessPolicies.Auditors)]
public sealed class AuditService(IGrainFactory grains) : Api.V1.Audit.AuditBase
{
    private const int DefaultPageSize = 100;

    public override async Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context)
    {
        var pageSize = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        if (pageSize is < 1 or > 1000)
        {
            RpcErrors.ThrowInvalid("page_size", "1 to 1,000");
        }

        long? before = null;
        if (request.PageToken.Length > 0)
        {
            if (!long.TryParse(request.PageToken, NumberStyles.None, CultureInfo.InvariantCulture, out var token) || token <= 0)
            {
                RpcErrors.ThrowInvalid("page_token", "is not a token this service gave");
            }

            before = token;
        }

        AuditQuery query;
        if (request.SubjectCase == ListAuditEntriesRequest.SubjectOneofCase.Caller)
        {
            if (request.Caller.Length is 0 or > 256)
            {
                RpcErrors.ThrowInvalid("caller", "1 to 256 characters");
            }

            query = new AuditQuery([], request.Caller, before, pageSize);
        }
        else
        {
            var lookup = ProfilesService.LookupOf(request.ProfileId, request.Identifier, request.SourceKey);
            if (lookup is null)
            {
                RpcErrors.ThrowInvalid("subject", "set exactly one of profile_id, identifier, source_key or caller");
            }

            var ids = await grains.GetGrain<IResolverGrain>(0).FindProfileIdsAsync(lookup);
            if (ids.IsEmpty)
            {
                RpcErrors.ThrowNotFound("no profile holds the lookup");
            }

            query = new AuditQuery(ids, null, before, pageSize);
        }

        var page = await grains.GetGrain<IAuditLogGrain>(0).QueryAsync(query);
        var response = new ListAuditEntriesResponse { NextPageToken = page.Next?.ToString(CultureInfo.InvariantCulture) ?? "" };
        response.Entries.AddRange(page.Entries.Select(ToProto));
        return response;
    }

    /// <summary>An entry in the API; the actions have the same numbers in both.</summary>
    public static Api.V1.AuditEntry ToProto(Contracts.Audit.AuditEntry entry) => new()
    {
        Id = entry.Id,
        At = Timestamp.FromDateTimeOffset(entry.At),
        Caller = entry.Caller,
        Action = (Api.V1.AuditAction)(int)entry.Action,
        ProfileId = entry.ProfileId,
        Purpose = entry.Purpose ?? "",
        Source = entry.Source ?? "",
    };
}
