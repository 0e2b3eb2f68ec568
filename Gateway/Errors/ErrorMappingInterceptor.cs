using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Cdm.Gateway.Errors;

/// <summary>
/// Maps failures that are not the caller's fault to statuses a client can act on: cluster and storage
/// trouble is UNAVAILABLE (every write is idempotent, so a retry is safe), timeouts DEADLINE_EXCEEDED, a
/// feature the configured storage lacks FAILED_PRECONDITION,
/// a cancelled call CANCELLED. Nothing expected reaches a client as UNKNOWN.
/// </summary>
public sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    private RpcException Map(Exception ex, ServerCallContext context)
    {
        if (ex is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
        {
            return new RpcException(new Status(StatusCode.Cancelled, "the call was cancelled"));
        }

        var code = ex switch
        {
            TimeoutException => StatusCode.DeadlineExceeded,
            ArgumentException => StatusCode.InvalidArgument,
            NotSupportedException => StatusCode.FailedPrecondition,
            _ => StatusCode.Unavailable,
        };
        LogFailure(logger, ex, context.Method, code);
        return new RpcException(new Status(code, $"{ex.GetType().Name}: {ex.Message}"));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} failed; answered {Code}")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, StatusCode code);
}
