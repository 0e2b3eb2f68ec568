using Cdm.Api.V1;
using Cdm.Cli.Lookup;

namespace Cdm.Cli.Tests.Lookup;

public sealed class ProfileRendererTests
{
    [Fact]
    public void Rule_DerivedValue_NamesTheAttributeItCameFrom()
    {
        var lineage = new Lineage { Rule = "most_recent", Derived = true, DerivedFrom = "phone" };

        Assert.Equal("derived from phone (most_recent)", ProfileRenderer.Rule(lineage));
    }

    [Fact]
    public void Rule_SentValue_IsTheRuleAlone()
    {
        Assert.Equal("source_priority", ProfileRenderer.Rule(new Lineage { Rule = "source_priority" }));
        Assert.Null(ProfileRenderer.Rule(null));
    }
}
