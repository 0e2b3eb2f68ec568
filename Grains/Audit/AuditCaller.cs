namespace Cdm.Grains.Audit;

/// <summary>
/// Who is calling, carried with every grain call of a request in Orleans' request context: the gateway sets it from
/// the authenticated caller, and the profile grain writes it into the audit log.
/// </summary>
public static class AuditCaller
{
    /// <summary>The request-context key.</summary>
    public const string Key = "cdm-caller";

    /// <summary>What the log says when no caller came with the call: the cluster's own work (merge recovery, re-resolving).</summary>
    public const string System = "system";

    public static string Current() => RequestContext.Get(Key) as string ?? System;

    public static void Set(string caller) => RequestContext.Set(Key, caller);
}
