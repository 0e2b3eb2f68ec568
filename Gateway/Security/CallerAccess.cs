using Cdm.Gateway.Errors;
using Cdm.Grains.Security;
using Grpc.Core;

namespace Cdm.Gateway.Security;

/// <summary>The checks that bound one request to what its caller may touch, after the role policy let the call in.</summary>
public static class CallerAccess
{
    public static CallerRights Caller(this ServerCallContext context) => CallerClaims.RightsOf(context.GetHttpContext().User);

    /// <summary>PERMISSION_DENIED on <paramref name="field"/> unless the caller may write <paramref name="source"/>.</summary>
    public static void RequireWrite(this CallerRights caller, string source, string field)
    {
        if (!caller.MayWrite(source))
        {
            RpcErrors.ThrowDenied(field, caller.Sources.Count == 0
                ? $"this caller may not write source '{source}'"
                : $"this caller may write only {string.Join(", ", caller.Sources.Order(StringComparer.Ordinal))}, not '{source}'");
        }
    }

    /// <summary>PERMISSION_DENIED on <c>purpose</c> unless the caller may read for <paramref name="purpose"/>.</summary>
    public static void RequireRead(this CallerRights caller, string purpose)
    {
        if (!caller.MayReadFor(purpose))
        {
            var allowed = caller.ReadablePurposes().ToList();
            RpcErrors.ThrowDenied("purpose", allowed.Count == 0
                ? $"this caller may not read for '{purpose}'"
                : $"this caller may read only for {string.Join(", ", allowed)}, not '{purpose}'");
        }
    }
}
