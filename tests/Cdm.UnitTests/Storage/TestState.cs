using System.Collections.Immutable;

namespace Cdm.UnitTests.Storage;

[Alias("cdm.tests.storage-state")]
public sealed class TestState
{
    public string Name { get; set; } = "";

    public int Count { get; set; }

    public TestColour Colour { get; set; }

    public ImmutableArray<string> Tags { get; set; } = [];
}
