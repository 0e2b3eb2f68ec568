using Cdm.Api.V1;
using Cdm.Contracts.Audit;
using Cdm.Contracts.Ingestion;
using Cdm.Contracts.Privacy;
using Cdm.Contracts.Profiles;
using Cdm.Gateway.Consent;
using Cdm.Gateway.Errors;
using Cdm.Gateway.Profiles;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Cdm.Gateway.Security;

/// <summary><c>cdm.v1.Privacy</c>: the requests of the people the data is about, for privacy officers.</summary>
[Authorize(Policy = AccessPolicies.Auditors)]
public sealed class PrivacyService(IGrainFactory grains, TimeProvider time) : Api.V1.Privacy.PrivacyBase
{
    // Enough for any real person; a profile read a million times is exported with its newest entries.
    private const int MaxAuditEntries = 100_000;

    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithIndentation());

    private IResolverGrain Resolver => grains.GetGrain<IResolverGrain>(0);

    public override async Task<SubjectExport> ExportSubject(ExportSubjectRequest request, ServerCallContext context)
    {
        var lookup = ProfilesService.LookupOf(request.ProfileId, request.Identifier, request.SourceKey);
        if (lookup is null)
        {
            RpcErrors.ThrowInvalid("lookup", ProfilesService.LookupReason);
        }

        var ids = await Resolver.FindProfileIdsAsync(lookup);
        var byId = ids.IsEmpty ? null : ProfileLookup.ById(ids[0]);
        var view = byId is null ? null : await Resolver.GetProfileAsync(byId, includeVersions: true, ReadPurposes.PrivacyRequest);
        if (view is null)
        {
            RpcErrors.ThrowNotFound("no profile holds the lookup");
        }

        var now = time.GetUtcNow();
        var consent = await Resolver.GetConsentAsync(byId!);
        var history = await Resolver.GetHistoryAsync(view.ProfileId, ReadPurposes.PrivacyRequest);
        var document = new SubjectAccessDocument
        {
            GeneratedAt = Timestamp.FromDateTimeOffset(now),
            Profile = view.ToProto(),
            Consent = consent?.ToProto(now) ?? new ProfileConsent { ProfileId = view.ProfileId },
            History = history?.ToProto() ?? new ProfileHistory { ProfileId = view.ProfileId },
        };
        // The audit log last: it then holds this export's own reads.
        await foreach (var entry in AuditOf([view.ProfileId, .. view.MergedProfileIds]))
        {
            document.Audit.Add(AuditService.ToProto(entry));
        }

        return new SubjectExport { ProfileId = view.ProfileId, GeneratedAt = document.GeneratedAt, Json = Json.Format(document) };
    }

    public override async Task<Api.V1.ErasureReceipt> EraseSubject(EraseSubjectRequest request, ServerCallContext context)
    {
        var lookup = ProfilesService.LookupOf(request.ProfileId, request.Identifier, request.SourceKey);
        if (lookup is null)
        {
            RpcErrors.ThrowInvalid("lookup", ProfilesService.LookupReason);
        }

        var receipt = await Resolver.EraseAsync(lookup);
        if (receipt is null)
        {
            RpcErrors.ThrowNotFound("no profile holds the lookup");
        }

        return receipt.ToProto();
    }

    public override async Task<Api.V1.ErasureReceipt> GetErasure(GetErasureRequest request, ServerCallContext context)
    {
        if (!ErasureIds.IsValid(request.ErasureId))
        {
            RpcErrors.ThrowInvalid("erasure_id", "must be er_ followed by 24 lower-case hex digits, as a receipt gives it");
        }

        var receipt = await grains.GetGrain<IErasureGrain>(request.ErasureId).GetReceiptAsync();
        if (receipt is null)
        {
            RpcErrors.ThrowNotFound("no erasure " + request.ErasureId);
        }

        return receipt.ToProto();
    }

    private async IAsyncEnumerable<Contracts.Audit.AuditEntry> AuditOf(System.Collections.Immutable.ImmutableArray<string> profileIds)
    {
        long? before = null;
        var count = 0;
        do
        {
            var page = await grains.GetGrain<IAuditLogGrain>(0).QueryAsync(new AuditQuery(profileIds, null, before, 1000));
            foreach (var entry in page.Entries)
            {
                yield return entry;
            }

            count += page.Entries.Length;
            before = page.Next;
        }
        while (before is not null && count < MaxAuditEntries);
    }
}
