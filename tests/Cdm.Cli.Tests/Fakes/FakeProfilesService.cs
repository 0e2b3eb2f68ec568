using Cdm.Api.V1;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace Cdm.Cli.Tests.Fakes;

/// <summary>Serves the profiles and cross references the test put in the state.</summary>
public sealed class FakeProfilesService(FakeGatewayState state) : Profiles.ProfilesBase
{
    /// <summary>A profile id the fake refuses with a <c>google.rpc.BadRequest</c> detail.</summary>
    public const string InvalidId = "invalid";

    public override Task<Profile> GetProfile(GetProfileRequest request, ServerCallContext context)
    {
        state.ReadPurposes.Enqueue(request.Purpose);
        if (request.ProfileId == InvalidId)
        {
            var status = new Google.Rpc.Status
            {
                Code = (int)Code.InvalidArgument,
                Message = "the request is not valid",
                Details =
                {
                    Any.Pack(new BadRequest
                    {
                        FieldViolations = { new BadRequest.Types.FieldViolation { Field = "profile_id", Description = "is not a profile id" } },
                    }),
                },
            };
            throw status.ToRpcException();
        }

        var id = request.LookupCase switch
        {
            GetProfileRequest.LookupOneofCase.ProfileId => request.ProfileId,
            GetProfileRequest.LookupOneofCase.Identifier => $"{request.Identifier.Type}:{request.Identifier.Value}",
            GetProfileRequest.LookupOneofCase.SourceKey => $"{request.SourceKey.Source}/{request.SourceKey.RecordId}",
            _ => "",
        };
        return state.Profiles.TryGetValue(id, out var profile)
            ? Task.FromResult(profile)
            : throw new RpcException(new Grpc.Core.Status(StatusCode.NotFound, $"no profile holds {id}"));
    }

    public override async Task ListCrossReferences(ListCrossReferencesRequest request, IServerStreamWriter<CrossReference> responseStream,
        ServerCallContext context)
    {
        foreach (var reference in state.CrossReferences.Where(r => request.Source.Length == 0 || r.Source == request.Source))
        {
            await responseStream.WriteAsync(reference);
        }
    }

    public override Task<ProfileHistory> GetHistory(GetHistoryRequest request, ServerCallContext context)
    {
        state.ReadPurposes.Enqueue(request.Purpose);
        return state.Profiles.ContainsKey(request.ProfileId)
            ? Task.FromResult(new ProfileHistory
            {
                ProfileId = request.ProfileId,
                Events = { new HistoryEvent { Kind = HistoryEventKind.RecordAdded, Reason = "new profile", At = Timestamp.FromDateTime(DateTime.UnixEpoch) } },
            })
            : throw new RpcException(new Grpc.Core.Status(StatusCode.NotFound, "no such profile"));
    }
}
