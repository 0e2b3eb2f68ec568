using System.Text.Encodings.Web;
using Cdm.Grains.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Cdm.Gateway.Security;

/// <summary>
/// Authenticates the <c>x-api-key</c> header against the keys kept in the cluster. No header: no result (another
/// scheme or UNAUTHENTICATED follows). A key that is malformed, unknown, revoked or whose secret does not match fails,
/// with one message for all, so a caller learns nothing about which keys exist.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyCache keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "api-key";
    public const string Header = "x-api-key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (values.Count != 1 || !ApiKeySecrets.TryParse(values[0], out var id, out var secret))
        {
            return AuthenticateResult.Fail("invalid API key");
        }

        var key = await keys.GetAsync(id, Context.RequestAborted);
        if (key is null || key.IsRevoked || !ApiKeySecrets.Matches(secret, key.SecretSha256))
        {
            return AuthenticateResult.Fail("invalid API key");
        }

        return AuthenticateResult.Success(new AuthenticationTicket(CallerClaims.PrincipalOf(key, SchemeName), SchemeName));
    }
}
