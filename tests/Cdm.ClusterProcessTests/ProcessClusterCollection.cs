namespace Cdm.ClusterProcessTests;

/// <summary>The tests that start whole clusters of processes run one at a time: two at once would starve a small machine.</summary>
[CollectionDefinition(Name)]
public sealed class ProcessClusterCollection
{
    public const string Name = "process clusters";
}
