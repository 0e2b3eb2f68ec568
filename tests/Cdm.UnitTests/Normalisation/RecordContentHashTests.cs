using System.Collections.Immutable;
using Cdm.Contracts.Records;
using Cdm.Grains.Normalisation;
using static Cdm.UnitTests.Normalisation.TestRecords;

namespace Cdm.UnitTests.Normalisation;

public sealed class RecordContentHashTests
{
    private static readonly LinkIdentifier Email = new("email", "jane@contoso.com", "email:jane@contoso.com");
    private static readonly LinkIdentifier Loyalty = new("loyalty_id", "L-1", "loyalty_id:L-1");

    [Fact]
    public void Hash_IsLowerHexSha256()
    {
        var hash = Hash(new() { ["a"] = "1" }, [Email]);

        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    [Fact]
    public void Hash_AttributeOrder_DoesNotChangeIt()
    {
        var forward = new Dictionary<string, string> { ["a_1"] = "1", ["a1"] = "2", ["b"] = "3" };
        var backward = new Dictionary<string, string> { ["b"] = "3", ["a1"] = "2", ["a_1"] = "1" };

        Assert.Equal(Hash(forward, [Email]), Hash(backward, [Email]));
    }

    [Fact]
    public void Hash_IdentifierOrder_DoesNotChangeIt()
    {
        var attributes = new Dictionary<string, string> { ["a"] = "1" };

        Assert.Equal(Hash(attributes, [Email, Loyalty]), Hash(attributes, [Loyalty, Email]));
    }

    [Fact]
    public void Hash_SameInstantInAnotherOffset_IsTheSame()
    {
        var attributes = new Dictionary<string, string> { ["a"] = "1" };
        var utc = new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal(Hash(attributes, [], utc), Hash(attributes, [], utc.ToOffset(TimeSpan.FromHours(2))));
    }

    [Fact]
    public void Hash_AnyChangedPart_ChangesIt()
    {
        var attributes = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" };
        var baseline = Hash(attributes, [Email]);

        string[] changed =
        [
            Hash(new() { ["a"] = "1", ["b"] = "3" }, [Email]),
            Hash(new() { ["a"] = "1" }, [Email]),
            Hash(new() { ["a"] = "1", ["c"] = "2" }, [Email]),
            Hash(attributes, []),
            Hash(attributes, [Loyalty]),
            Hash(attributes, [Email], Now.AddTicks(1)),
            Hash(attributes, [Email], source: "shop"),
            Hash(attributes, [Email], recordId: "r-2"),
        ];

        Assert.All(changed, hash => Assert.NotEqual(baseline, hash));
        Assert.Equal(changed.Length, changed.Distinct().Count());
    }

    [Fact]
    public void Hash_ShiftedBoundaryBetweenFields_ChangesIt()
    {
        Assert.NotEqual(Hash(new() { ["a"] = "bc" }, []), Hash(new() { ["ab"] = "c" }, []));
        Assert.NotEqual(Hash([], [], source: "ab", recordId: "c"), Hash([], [], source: "a", recordId: "bc"));
    }

    private static string Hash(
        Dictionary<string, string> attributes,
        ImmutableArray<LinkIdentifier> identifiers,
        DateTimeOffset? observedAt = null,
        string source = "crm",
        string recordId = "r-1") =>
        RecordContentHash.Compute(source, recordId, observedAt ?? Now, attributes, identifiers);
}
