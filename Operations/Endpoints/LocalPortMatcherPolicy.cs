using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;

namespace Cdm.Operations.Endpoints;

/// <summary>
/// Routing drops endpoints marked with <see cref="LocalPortMetadata"/> when the request came in on another
/// local port, so they answer 404 there. By the connection's port rather than <c>RequireHost</c>: the Host
/// header carries the port the client dialled, which differs behind a published container port.
/// </summary>
internal sealed class LocalPortMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => 0;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Any(e => e.Metadata.GetMetadata<LocalPortMetadata>() is not null);

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var port = httpContext.Connection.LocalPort;
        for (var i = 0; i < candidates.Count; i++)
        {
            if (candidates.IsValidCandidate(i) && candidates[i].Endpoint?.Metadata.GetMetadata<LocalPortMetadata>() is { } only && !only.Ports.Contains(port))
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }
}
