using Google.Rpc;
using Grpc.Core;

namespace Cdm.Cli.Gateway;

/// <summary>Turns a failed call into one line for a person: the status, its detail and any field violations.</summary>
public static class RpcErrorFormatter
{
    public static string Format(RpcException error, string gateway)
    {
        var detail = OneLine(error.Status.Detail);
        if (error.StatusCode == StatusCode.Unavailable && error.Status.DebugException is { } cause)
        {
            // "Error connecting to subchannel" alone does not say whether nothing listens or the name did not resolve.
            detail = $"{detail} {OneLine(cause.GetBaseException().Message)}".Trim();
        }

        var message = error.StatusCode switch
        {
            StatusCode.Unavailable => $"gateway {gateway} is unreachable (Unavailable: {detail})",
            StatusCode.DeadlineExceeded => $"gateway {gateway} did not answer in time (DeadlineExceeded: {detail})",
            _ => $"{error.StatusCode}: {detail}",
        };

        var violations = FieldViolations(error);
        return violations.Count == 0
            ? $"error: {message}"
            : $"error: {message} [{string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"))}]";
    }

    /// <summary>The field violations the server put in the <c>google.rpc.BadRequest</c> detail, if any.</summary>
    public static IReadOnlyList<BadRequest.Types.FieldViolation> FieldViolations(RpcException error)
    {
        try
        {
            return error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations is { } violations ? [.. violations] : [];
        }
        catch (Google.Protobuf.InvalidProtocolBufferException)
        {
            // A malformed detail trailer must not hide the status itself.
            return [];
        }
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
