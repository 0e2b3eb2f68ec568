using Grpc.Net.Client;

namespace Cdm.Cli.Gateway;

/// <summary>Opens the channel to the gateway that every command uses.</summary>
public static class GatewayConnection
{
    public const string DefaultAddress = "http://127.0.0.1:5000";

    public const string EnvironmentVariable = "CDM_GATEWAY";

    /// <summary>The address to use when <c>--gateway</c> is not given.</summary>
    public static string DefaultFromEnvironment() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } address ? address : DefaultAddress;

    /// <summary>True for an absolute http or https address.</summary>
    public static bool IsValidAddress(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>
    /// An http:// address is spoken as HTTP/2 without TLS (h2c), as the gateway serves it by default. Credentials in
    /// the environment go with every call (<see cref="CredentialsHandler"/>).
    /// </summary>
    public static GrpcChannel Open(string address) => GrpcChannel.ForAddress(address, new GrpcChannelOptions
    {
        HttpHandler = new CredentialsHandler(new SocketsHttpHandler
        {
            // Past about 100 concurrent calls on one connection, new calls would queue; more connections keep streams independent.
            EnableMultipleHttp2Connections = true,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            KeepAlivePingDelay = TimeSpan.FromSeconds(30),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(30),
        }),
        // A profile with many member records and versions can be large.
        MaxReceiveMessageSize = 64 * 1024 * 1024,
    });
}
