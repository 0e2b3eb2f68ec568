namespace Cdm.Cli.Gateway;

/// <summary>
/// Sends the caller's credentials with every call: the API key in <c>CDM_API_KEY</c> as <c>x-api-key</c>, or the token
/// in <c>CDM_TOKEN</c> as a bearer token. Taken from the environment, not the command line, so a secret never lands
/// in shell history or the process list.
/// </summary>
public sealed class CredentialsHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public const string ApiKeyVariable = "CDM_API_KEY";
    public const string TokenVariable = "CDM_TOKEN";

    private readonly string? apiKey = Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } key ? key : null;
    private readonly string? token = Environment.GetEnvironmentVariable(TokenVariable) is { Length: > 0 } t ? t : null;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (apiKey is not null)
        {
            request.Headers.TryAddWithoutValidation("x-api-key", apiKey);
        }
        else if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("authorization", "Bearer " + token);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
