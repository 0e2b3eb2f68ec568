using System.Collections.Immutable;

namespace Cdm.PostgresTests.Storage;

[Alias("cdm.tests.postgres-state")]
public sealed class TestState
{
    public string Name { get; set; } = "";

    public int Count { get; set; }

    public TestColour Colour { get; set; }

    public ImmutableArray<string> Tags { get; set; } = [];
}
