using System.Security.Claims;
using System.Security.Cryptography;
using Cdm.Api.V1;
using Grpc.Core;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cdm.ClusterTests.Gateway;

/// <summary>
/// The embedded default with authentication required: API keys, and bearer tokens signed with a key only this fixture
/// knows. Tests mint an admin token to create the keys they need.
/// </summary>
public sealed class SecuredHostFixture : IAsyncLifetime
{
    public const string Issuer = "cdm-tests";
    public const string Audience = "cdm";

    /// <summary>A source whose schema is email and first_name (and loyalty_id); anything else is dropped.</summary>
    public const string DroppingSource = "web-minimal";

    /// <summary>A source whose schema is email alone; a record with anything else is refused.</summary>
    public const string RefusingSource = "partner-minimal";

    /// <summary>A source whose records are kept three seconds.</summary>
    public const string RetainedSource = "retention-web";

    /// <summary>An attribute kept two seconds.</summary>
    public const string RetainedAttribute = "retention_note";

    private readonly byte[] signingKey = RandomNumberGenerator.GetBytes(32);

    public SecuredHostFixture()
    {
        Host = new EmbeddedHost(null,
            "--Cdm:Auth:Mode", "Required",
            "--Cdm:Auth:Jwt:SigningKey", Convert.ToBase64String(signingKey),
            "--Cdm:Auth:Jwt:Issuer", Issuer,
            "--Cdm:Auth:Jwt:Audience", Audience,
            // Two sources with a schema, for the data minimisation tests.
            "--Cdm:Sources:" + DroppingSource + ":Attributes:0", "email",
            "--Cdm:Sources:" + DroppingSource + ":Attributes:1", "first_name",
            "--Cdm:Sources:" + DroppingSource + ":Identifiers:0", "loyalty_id",
            "--Cdm:Sources:" + RefusingSource + ":Attributes:0", "email",
            "--Cdm:Sources:" + RefusingSource + ":Unlisted", "Reject",
            // Retention periods short enough to pass during a test, on names no other test uses.
            "--Cdm:Retention:Sources:" + RetainedSource, "00:00:03",
            "--Cdm:Retention:Attributes:" + RetainedAttribute, "00:00:02");
    }

    public EmbeddedHost Host { get; }

    public Access.AccessClient Access => new(Host.Channel);

    public Task InitializeAsync() => Host.StartAsync();

    public Task DisposeAsync() => Host.DisposeAsync().AsTask();

    /// <summary>A token signed with the gateway's key; <paramref name="key"/> signs with another.</summary>
    public string Token(
        string subject, string[] roles, string[]? sources = null, string[]? purposes = null,
        TimeSpan? lifetime = null, string audience = Audience, byte[]? key = null)
    {
        var claims = new List<Claim> { new("sub", subject) };
        claims.AddRange(roles.Select(r => new Claim("roles", r)));
        claims.AddRange((sources ?? []).Select(s => new Claim("cdm_sources", s)));
        claims.AddRange((purposes ?? []).Select(p => new Claim("cdm_purposes", p)));
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(5));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity(claims),
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = expires < now ? expires.AddMinutes(-5) : now,
            NotBefore = expires < now ? expires.AddMinutes(-5) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? signingKey), SecurityAlgorithms.HmacSha256),
        });
    }

    public static Metadata Bearer(string token) => new() { { "authorization", "Bearer " + token } };

    public static Metadata ApiKey(string key) => new() { { "x-api-key", key } };

    public Metadata Admin => Bearer(Token("test-admin", ["admin"]));

    /// <summary>Creates an API key through <c>cdm.v1.Access</c> as an admin and returns the key to send.</summary>
    public async Task<string> KeyAsync(string name, string[] roles, string[]? sources = null, string[]? purposes = null)
    {
        var request = new CreateApiKeyRequest { Name = name };
        request.Roles.AddRange(roles);
        request.Sources.AddRange(sources ?? []);
        request.Purposes.AddRange(purposes ?? []);
        return (await Access.CreateApiKeyAsync(request, Admin)).Secret;
    }
}

[CollectionDefinition(Name)]
public sealed class SecuredHostCollection : ICollectionFixture<SecuredHostFixture>
{
    public const string Name = "secured host";
}
