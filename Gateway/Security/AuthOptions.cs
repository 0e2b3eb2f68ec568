namespace Cdm.Gateway.Security;

/// <summary>How callers of the gateway are authenticated (<c>Cdm:Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Cdm:Auth";

    /// <summary>
    /// <c>Open</c> (the embedded default): no authentication, every caller may do everything; allowed only on
    /// loopback unless <see cref="AllowOpenOnNetwork"/>. <c>Required</c>: every RPC but health and reflection needs an
    /// API key or a bearer token.
    /// </summary>
    public AuthMode Mode { get; set; } = AuthMode.Open;

    /// <summary>Lets the open mode listen beyond loopback (a private network behind another gatekeeper). Off by default.</summary>
    public bool AllowOpenOnNetwork { get; set; }

    /// <summary>
    /// How long a gateway trusts what it read about an API key. A revocation reaches the gateway that made it at once
    /// and every other gateway within this time.
    /// </summary>
    public TimeSpan ApiKeyCacheDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>JSON Web Tokens (<c>Authorization: Bearer</c>); off unless a signing key or an authority is set.</summary>
    public JwtAuthOptions Jwt { get; set; } = new();
}

public enum AuthMode
{
    Open,
    Required,
}

/// <summary>Which bearer tokens the gateway accepts (<c>Cdm:Auth:Jwt</c>).</summary>
public sealed class JwtAuthOptions
{
    /// <summary>The issuer (<c>iss</c>) a token must name; required with a signing key.</summary>
    public string? Issuer { get; set; }

    /// <summary>The audience (<c>aud</c>) a token must name.</summary>
    public string? Audience { get; set; }

    /// <summary>A shared HMAC-SHA256 key, base64, at least 32 bytes: tokens are signed with it.</summary>
    public string? SigningKey { get; set; }

    /// <summary>An OpenID Connect authority whose published keys sign the tokens (instead of <see cref="SigningKey"/>).</summary>
    public string? Authority { get; set; }

    /// <summary>Fetch the authority's metadata and keys over HTTPS only (the default). Off only for a test authority on loopback.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsConfigured => SigningKey is not null || Authority is not null;
}
