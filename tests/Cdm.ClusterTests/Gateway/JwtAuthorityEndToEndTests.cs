using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cdm.Api.V1;
using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cdm.ClusterTests.Gateway;

/// <summary>
/// Bearer tokens of an OpenID Connect authority (<c>Cdm:Auth:Jwt:Authority</c>): a small authority on loopback serves
/// its metadata and signing key, and the gateway, fetching them itself, accepts only tokens that key signed.
/// </summary>
public sealed class JwtAuthorityEndToEndTests : IAsyncLifetime
{
    private const string Audience = "cdm";
    private readonly RSA signer = RSA.Create(2048);
    private readonly HttpListener authority = new();
    private readonly string issuer;
    private readonly EmbeddedHost host;
    private Task? serving;

    public JwtAuthorityEndToEndTests()
    {
        issuer = $"http://127.0.0.1:{FreePort()}";
        authority.Prefixes.Add(issuer + "/");
        host = new EmbeddedHost(null,
            "--Cdm:Auth:Mode", "Required",
            "--Cdm:Auth:Jwt:Authority", issuer,
            "--Cdm:Auth:Jwt:Audience", Audience,
            "--Cdm:Auth:Jwt:RequireHttpsMetadata", "false");
    }

    public async Task InitializeAsync()
    {
        authority.Start();
        serving = Task.Run(ServeAsync);
        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        authority.Stop();
        authority.Close();
        if (serving is not null)
        {
            await serving;
        }

        signer.Dispose();
    }

    [Fact]
    public async Task TokensOfTheAuthority_AreAccepted_OthersAreNot()
    {
        using var stranger = RSA.Create(2048);
        var access = new Access.AccessClient(host.Channel);

        var caller = await access.WhoAmIAsync(new WhoAmIRequest(), Bearer(Token(signer, "k1", issuer, Audience)));
        var wrongKey = await Assert.ThrowsAsync<RpcException>(() => access.WhoAmIAsync(new WhoAmIRequest(), Bearer(Token(stranger, "k1", issuer, Audience))).ResponseAsync);
        var wrongIssuer = await Assert.ThrowsAsync<RpcException>(() => access.WhoAmIAsync(new WhoAmIRequest(), Bearer(Token(signer, "k1", "http://elsewhere", Audience))).ResponseAsync);
        var wrongAudience = await Assert.ThrowsAsync<RpcException>(() => access.WhoAmIAsync(new WhoAmIRequest(), Bearer(Token(signer, "k1", issuer, "other"))).ResponseAsync);

        Assert.Equal("oidc-user", caller.Name);
        Assert.Equal(["steward"], caller.Roles);
        Assert.All(new[] { wrongKey, wrongIssuer, wrongAudience }, e => Assert.Equal(StatusCode.Unauthenticated, e.StatusCode));
    }

    private static Metadata Bearer(string token) => new() { { "authorization", "Bearer " + token } };

    private static string Token(RSA key, string keyId, string tokenIssuer, string audience) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Subject = new ClaimsIdentity([new Claim("sub", "oidc-user"), new Claim("roles", "steward")]),
        Issuer = tokenIssuer,
        Audience = audience,
        Expires = DateTime.UtcNow.AddMinutes(5),
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.RsaSha256),
    });

    /// <summary>The authority: its discovery document and its one signing key.</summary>
    private async Task ServeAsync()
    {
        var parameters = signer.ExportParameters(includePrivateParameters: false);
        var jwks = JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", alg = "RS256", kid = "k1", n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
            },
        });
        var discovery = JsonSerializer.Serialize(new { issuer, jwks_uri = issuer + "/jwks", id_token_signing_alg_values_supported = new[] { "RS256" } });
        while (authority.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await authority.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var body = context.Request.Url!.AbsolutePath switch
            {
                "/.well-known/openid-configuration" => discovery,
                "/jwks" => jwks,
                _ => null,
            };
            context.Response.StatusCode = body is null ? 404 : 200;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(body ?? "{}");
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
