namespace Cdm.Operations.Health;

/// <summary>Tags that sort health checks into the probes.</summary>
public static class HealthTags
{
    /// <summary>
    /// Checks that must pass before the process takes traffic: <c>/readyz</c> and the gRPC health service
    /// answer from these. Liveness (<c>/healthz</c>) runs none, so a slow dependency never gets the process restarted.
    /// </summary>
    public const string Ready = "ready";
}
