using System.Collections.Frozen;

namespace Cdm.Operations.Endpoints;

/// <summary>Endpoint metadata: the endpoint matches only requests that arrived on one of these local ports.</summary>
internal sealed record LocalPortMetadata(FrozenSet<int> Ports);
