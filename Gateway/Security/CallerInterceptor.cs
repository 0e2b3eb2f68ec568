using Cdm.Grains.Audit;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Cdm.Gateway.Security;

/// <summary>
/// Puts the authenticated caller's name into Orleans' request context for every call, so the grains it reaches write
/// who it was into the audit log.
/// </summary>
public sealed class CallerInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Mark(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Mark(context);
        return continuation(request, responseStream, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Mark(context);
        return continuation(requestStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Mark(context);
        return continuation(requestStream, responseStream, context);
    }

    private static void Mark(ServerCallContext context)
    {
        if (context.GetHttpContext().User.Identity?.IsAuthenticated == true)
        {
            AuditCaller.Set(context.Caller().Name);
        }
    }
}
