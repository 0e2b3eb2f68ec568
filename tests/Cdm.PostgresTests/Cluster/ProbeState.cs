namespace Cdm.PostgresTests.Cluster;

[GenerateSerializer, Alias("cdm.tests.ProbeState")]
public sealed class ProbeState
{
    [Id(0)]
    public string Name { get; set; } = "";

    [Id(1)]
    public int Count { get; set; }
}
