using Cdm.Api.V1;
using Cdm.Contracts.Security;
using Cdm.Gateway.Errors;
using Cdm.Grains.Privacy;
using Cdm.Grains.Security;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace Cdm.Gateway.Security;

/// <summary><c>cdm.v1.Access</c>: API keys (admin only) and the caller's own rights.</summary>
public sealed class AccessService(IGrainFactory grains, ApiKeyCache cache, ReadPolicy readPolicy, TimeProvider time) : Api.V1.Access.AccessBase
{
    private const int MaxNameLength = 64;
    private const int MaxEntries = 64;

    private IApiKeyRegistryGrain Registry => grains.GetGrain<IApiKeyRegistryGrain>(IApiKeyRegistryGrain.Key);

    [Authorize(Policy = AccessPolicies.Admins)]
    public override async Task<CreatedApiKey> CreateApiKey(CreateApiKeyRequest request, ServerCallContext context)
    {
        Validate(request);
        var creator = context.Caller().Name;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var (id, key, hash) = ApiKeySecrets.Create();
            var record = new ApiKeyRecord(
                id,
                request.Name,
                [.. request.Roles.Distinct(StringComparer.Ordinal)],
                [.. request.Sources.Distinct(StringComparer.Ordinal)],
                [.. request.Purposes.Distinct(StringComparer.Ordinal)],
                hash,
                time.GetUtcNow(),
                creator,
                null,
                null);
            if (await Registry.AddAsync(record))
            {
                cache.Forget(id);
                return new CreatedApiKey { Key = ToProto(record), Secret = key };
            }
        }

        throw new InvalidOperationException("Could not find a free key id; try again.");
    }

    [Authorize(Policy = AccessPolicies.Admins)]
    public override async Task<ApiKey> RevokeApiKey(RevokeApiKeyRequest request, ServerCallContext context)
    {
        if (request.Id.Length == 0)
        {
            RpcErrors.ThrowInvalid("id", "is required");
        }

        var revoked = await Registry.RevokeAsync(request.Id, context.Caller().Name);
        cache.Forget(request.Id);
        if (revoked is null)
        {
            RpcErrors.ThrowNotFound($"no API key {request.Id}");
        }

        return ToProto(revoked);
    }

    [Authorize(Policy = AccessPolicies.Admins)]
    public override async Task<ListApiKeysResponse> ListApiKeys(ListApiKeysRequest request, ServerCallContext context)
    {
        var keys = await Registry.ListAsync();
        var response = new ListApiKeysResponse();
        response.Keys.AddRange(keys.Where(k => request.IncludeRevoked || !k.IsRevoked).Select(ToProto));
        return response;
    }

    [Authorize]
    public override Task<Api.V1.Caller> WhoAmI(WhoAmIRequest request, ServerCallContext context)
    {
        var rights = context.Caller();
        var caller = new Api.V1.Caller { Name = rights.Name, Open = ReferenceEquals(rights, CallerRights.Open) };
        caller.Roles.AddRange(rights.Roles.Order(StringComparer.Ordinal));
        caller.Sources.AddRange(rights.Sources.Order(StringComparer.Ordinal));
        caller.Purposes.AddRange(rights.ReadablePurposes());
        return Task.FromResult(caller);
    }

    private void Validate(CreateApiKeyRequest request)
    {
        var violations = new List<Contracts.Records.FieldViolation>();
        if (request.Name.Length is 0 or > MaxNameLength || request.Name.Any(char.IsControl))
        {
            violations.Add(new("name", $"1 to {MaxNameLength} printable characters"));
        }

        if (request.Roles.Count == 0)
        {
            violations.Add(new("roles", $"name at least one of {string.Join(", ", AccessRoles.All)}"));
        }

        for (var i = 0; i < request.Roles.Count; i++)
        {
            if (!AccessRoles.IsKnown(request.Roles[i]))
            {
                violations.Add(new($"roles[{i}]", $"'{request.Roles[i]}' is not a role ({string.Join(", ", AccessRoles.All)})"));
            }
        }

        var isSource = request.Roles.Contains(AccessRoles.Source);
        if (isSource != request.Sources.Count > 0)
        {
            violations.Add(new("sources", isSource ? "a source key needs the sources it may write" : "only a key with the source role writes sources"));
        }

        for (var i = 0; i < request.Sources.Count; i++)
        {
            if (request.Sources[i].Length is 0 or > 128 || request.Sources[i].Any(char.IsControl))
            {
                violations.Add(new($"sources[{i}]", "1 to 128 printable characters"));
            }
        }

        var isReader = request.Roles.Contains(AccessRoles.Reader);
        if (isReader != request.Purposes.Count > 0)
        {
            violations.Add(new("purposes", isReader ? "a reader key needs the purposes it may read for" : "only a key with the reader role reads for purposes"));
        }

        for (var i = 0; i < request.Purposes.Count; i++)
        {
            if (!readPolicy.IsKnown(request.Purposes[i]))
            {
                violations.Add(new($"purposes[{i}]", readPolicy.UnknownPurposeMessage(request.Purposes[i])));
            }
        }

        if (request.Roles.Count + request.Sources.Count + request.Purposes.Count > MaxEntries)
        {
            violations.Add(new("roles", $"at most {MaxEntries} roles, sources and purposes together"));
        }

        if (violations.Count > 0)
        {
            RpcErrors.ThrowInvalid(violations);
        }
    }

    private static ApiKey ToProto(ApiKeyRecord key)
    {
        var proto = new ApiKey
        {
            Id = key.Id,
            Name = key.Name,
            CreatedAt = Timestamp.FromDateTimeOffset(key.CreatedAt),
            CreatedBy = key.CreatedBy,
            RevokedBy = key.RevokedBy ?? "",
        };
        if (key.RevokedAt is { } revoked)
        {
            proto.RevokedAt = Timestamp.FromDateTimeOffset(revoked);
        }

        proto.Roles.AddRange(key.Roles);
        proto.Sources.AddRange(key.Sources);
        proto.Purposes.AddRange(key.Purposes);
        return proto;
    }
}
