using System.Diagnostics.CodeAnalysis;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Contract = Cdm.Contracts.Records;

namespace Cdm.Gateway.Errors;

/// <summary>
/// The one place that turns expected failures into gRPC statuses. Field violations travel both in the
/// status detail (readable by any client) and as a <c>google.rpc.BadRequest</c> in the rich status.
/// </summary>
public static class RpcErrors
{
    [DoesNotReturn]
    public static void ThrowInvalid(IEnumerable<Contract.FieldViolation> violations)
    {
        var list = violations.ToList();
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(list.Select(static v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Reason }));
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = "invalid request: " + string.Join("; ", list.Select(static v => $"{v.Field}: {v.Reason}")),
            Details = { Any.Pack(badRequest) },
        };
        throw status.ToRpcException();
    }

    [DoesNotReturn]
    public static void ThrowInvalid(string field, string reason) => ThrowInvalid([new Contract.FieldViolation(field, reason)]);

    /// <summary>PERMISSION_DENIED naming what in the request the caller may not touch (a source, a purpose).</summary>
    [DoesNotReturn]
    public static void ThrowDenied(string field, string reason)
    {
        var badRequest = new BadRequest { FieldViolations = { new BadRequest.Types.FieldViolation { Field = field, Description = reason } } };
        throw new Google.Rpc.Status
        {
            Code = (int)Code.PermissionDenied,
            Message = $"permission denied: {field}: {reason}",
            Details = { Any.Pack(badRequest) },
        }.ToRpcException();
    }

    [DoesNotReturn]
    public static void ThrowNotFound(string what) => throw new RpcException(new Grpc.Core.Status(StatusCode.NotFound, what));
}
