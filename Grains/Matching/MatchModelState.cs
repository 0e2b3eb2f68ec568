using Cdm.Contracts.Matching;

namespace Cdm.Grains.Matching;

/// <summary>Stored state of the model registry: every version and which one is active (0: none).</summary>
public sealed class MatchModelState
{
    public List<StoredMatchModel> Versions { get; set; } = [];

    public int ActiveVersion { get; set; }
}

/// <summary>One stored model version.</summary>
public sealed class StoredMatchModel
{
    public int Version { get; set; }

    public string Description { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public string Document { get; set; } = "";

    public MatchModelVersion ToVersion(bool active, bool withDocument) =>
        new(Version, Description, CreatedAt, active, withDocument ? Document : null);
}
