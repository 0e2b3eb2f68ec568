using System.Reflection;
using Cdm.Gateway.Security;
using Microsoft.AspNetCore.Authorization;

namespace Cdm.ClusterTests.Gateway;

public sealed class AuthorizeCoverageTests
{
    /// <summary>
    /// Every RPC of every <c>cdm.v1</c> service the gateway implements names an authorization policy (or at least
    /// <c>[Authorize]</c>), on the method or its class: an RPC added without one would be open to anyone.
    /// </summary>
    [Fact]
    public void EveryCdmRpc_RequiresAuthorization()
    {
        var services = typeof(AccessService).Assembly.GetTypes()
            .Where(t => t.BaseType is { Namespace: "Cdm.Api.V1" } b && b.Name.EndsWith("Base", StringComparison.Ordinal))
            .ToList();
        var rpcs = services.SelectMany(s => s.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.GetBaseDefinition().DeclaringType != m.DeclaringType)
            .Select(m => (Service: s, Method: m)))
            .ToList();

        Assert.Equal(8, services.Count);
        Assert.True(rpcs.Count >= 25, $"only {rpcs.Count} RPCs found");
        var open = rpcs.Where(r => r.Method.GetCustomAttribute<AuthorizeAttribute>() is null && r.Service.GetCustomAttribute<AuthorizeAttribute>() is null)
            .Select(r => $"{r.Service.Name}.{r.Method.Name}")
            .ToList();
        Assert.Empty(open);
    }
}
