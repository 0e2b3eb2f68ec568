using Cdm.Contracts.Security;

namespace Cdm.Grains.Security;

/// <summary>The stored API keys, by id.</summary>
public sealed class ApiKeyRegistryState
{
    public Dictionary<string, ApiKeyRecord> Keys { get; set; } = new(StringComparer.Ordinal);
}
