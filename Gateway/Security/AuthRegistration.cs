using Cdm.Operations.Endpoints;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Cdm.Gateway.Security;

/// <summary>Authentication (open, API keys, bearer tokens) and the role policies of the gateway (<c>Cdm:Auth</c>).</summary>
public static class AuthRegistration
{
    private const string SelectorScheme = "cdm";

    public static IServiceCollection AddCdmAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(AuthOptions.SectionName);
        var options = section.Get<AuthOptions>() ?? new AuthOptions();
        services.AddOptions<AuthOptions>().Bind(section)
            .Validate(static o => o.ApiKeyCacheDuration >= TimeSpan.Zero && o.ApiKeyCacheDuration <= TimeSpan.FromMinutes(10),
                $"{AuthOptions.SectionName}:ApiKeyCacheDuration must be between 0 and 10 minutes")
            .ValidateOnStart();
        if (Problem(options.Jwt) is { } problem)
        {
            throw new OptionsValidationException(AuthOptions.SectionName, typeof(AuthOptions), [problem]);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ApiKeyCache>();
        var authentication = services.AddAuthentication(o => o.DefaultScheme = options.Mode == AuthMode.Open ? OpenAuthenticationHandler.SchemeName : SelectorScheme)
            .AddScheme<AuthenticationSchemeOptions, OpenAuthenticationHandler>(OpenAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddPolicyScheme(SelectorScheme, "API key or bearer token", o => o.ForwardDefaultSelector = context =>
                options.Jwt.IsConfigured && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName);
        if (options.Jwt.IsConfigured)
        {
            authentication.AddJwtBearer(jwt => Configure(jwt, options.Jwt));
        }

        services.AddAuthorization(AccessPolicies.Add);
        return services;
    }

    /// <summary>
    /// Refuses to start open on an address reachable from the network, unless told to: an open gateway lets anyone who
    /// reaches it read and change everything.
    /// </summary>
    public static void EnsureSafeBinding(IConfiguration configuration)
    {
        var options = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        if (options.Mode != AuthMode.Open || options.AllowOpenOnNetwork)
        {
            return;
        }

        var exposed = ListenAddresses.BeyondLoopback(configuration);
        if (exposed.Count > 0)
        {
            throw new InvalidOperationException(
                $"The gateway would listen on {string.Join(", ", exposed)} without authentication. Set {AuthOptions.SectionName}:Mode=Required " +
                $"(API keys or tokens), or listen on loopback only, or set {AuthOptions.SectionName}:AllowOpenOnNetwork=true to accept the risk.");
        }
    }

    /// <summary>How callers are let in, for the start-up line.</summary>
    public static string Describe(IConfiguration configuration)
    {
        var options = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        return options.Mode == AuthMode.Open
            ? "open mode: no authentication, every caller may do everything (keep it on loopback; set Cdm:Auth:Mode=Required to require API keys)"
            : "authentication required: API keys (x-api-key)" + (options.Jwt.IsConfigured ? " and bearer tokens" : "");
    }

    private static string? Problem(JwtAuthOptions jwt)
    {
        if (jwt.SigningKey is { } key)
        {
            if (jwt.Authority is not null)
            {
                return $"{AuthOptions.SectionName}:Jwt: set SigningKey or Authority, not both";
            }

            if (!TryKey(key, out var bytes) || bytes.Length < 32)
            {
                return $"{AuthOptions.SectionName}:Jwt:SigningKey must be base64 of at least 32 bytes";
            }

            if (string.IsNullOrEmpty(jwt.Issuer) || string.IsNullOrEmpty(jwt.Audience))
            {
                return $"{AuthOptions.SectionName}:Jwt: a signing key needs Issuer and Audience, so tokens minted for another service are refused";
            }
        }

        if (jwt.Authority is not null && string.IsNullOrEmpty(jwt.Audience))
        {
            return $"{AuthOptions.SectionName}:Jwt: an authority needs an Audience, so tokens it issues for other services are refused";
        }

        return null;
    }

    private static void Configure(JwtBearerOptions jwt, JwtAuthOptions options)
    {
        // Claims keep the names the token uses (roles, cdm_sources, sub): CallerClaims reads them as they are.
        jwt.MapInboundClaims = false;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            // Always: with an authority the issuer comes from its published metadata unless set here.
            ValidateIssuer = true,
            ValidIssuer = options.Issuer,
            ValidateAudience = true,
            ValidAudience = options.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = CallerClaims.Name,
            RoleClaimType = CallerClaims.Roles,
        };
        if (options.SigningKey is { } key && TryKey(key, out var bytes))
        {
            jwt.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(bytes);
            jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        }
        else
        {
            jwt.Authority = options.Authority;
            jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
        }
    }

    private static bool TryKey(string base64, out byte[] bytes)
    {
        bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var written) && (bytes = bytes[..written]).Length > 0;
    }
}
