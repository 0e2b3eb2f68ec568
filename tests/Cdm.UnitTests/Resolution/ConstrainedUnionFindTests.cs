using Cdm.Grains.Resolution;

namespace Cdm.UnitTests.Resolution;

public sealed class ConstrainedUnionFindTests
{
    private static ConstrainedUnionFind Sets(int count, params (int A, int B)[] doNotLink)
    {
        var lists = new List<int>?[count];
        foreach (var (a, b) in doNotLink)
        {
            (lists[a] ??= []).Add(b);
        }

        return new ConstrainedUnionFind(count, lists);
    }

    [Fact]
    public void Union_JoinsAndReportsAlreadyJoined()
    {
        var sets = Sets(3);

        Assert.Equal(UnionResult.Joined, sets.Union(0, 1));
        Assert.Equal(UnionResult.AlreadyJoined, sets.Union(1, 0));
        Assert.True(sets.Connected(0, 1));
        Assert.False(sets.Connected(0, 2));
        Assert.Equal([0, 1], sets.MembersOf(1).Order());
    }

    [Fact]
    public void Union_RefusesAConstraintFromEitherSide_AlsoThroughOtherMembers()
    {
        var sets = Sets(5, (0, 3));
        Assert.Equal(UnionResult.Joined, sets.Union(0, 1));
        Assert.Equal(UnionResult.Joined, sets.Union(2, 3));
        Assert.Equal(UnionResult.Joined, sets.Union(3, 4));

        // {0,1} forbids 3, which is in {2,3,4}: refused whichever member asks, and in either direction.
        Assert.Equal(UnionResult.Refused, sets.Union(1, 4));
        Assert.Equal(UnionResult.Refused, sets.Union(2, 0));
        Assert.False(sets.Connected(0, 2));
    }

    [Fact]
    public void Union_CarriesConstraintsIntoTheJoinedSet()
    {
        var sets = Sets(4, (3, 0));
        Assert.Equal(UnionResult.Joined, sets.Union(2, 3));
        Assert.Equal(UnionResult.Joined, sets.Union(0, 1));

        // 3 forbids 0; joining {0,1} with {2,3} through 1 and 2 is refused.
        Assert.Equal(UnionResult.Refused, sets.Union(1, 2));
    }

    [Fact]
    public void Union_AsksTheCheckWithTheRootsOnlyAfterDoNotLinkPasses()
    {
        var sets = Sets(4, (0, 3));
        Assert.Equal(UnionResult.Joined, sets.Union(0, 1));
        var asked = new List<(int, int)>();

        Assert.Equal(UnionResult.OverLimit, sets.Union(1, 2, (a, b) => { asked.Add((Math.Min(a, b), Math.Max(a, b))); return false; }));
        Assert.Equal([(sets.Find(0), 2)], asked);
        Assert.False(sets.Connected(1, 2));

        Assert.Equal(UnionResult.Refused, sets.Union(1, 3, (_, _) => throw new InvalidOperationException("not asked")));
        Assert.Equal(UnionResult.Joined, sets.Union(1, 2, (_, _) => true));
        Assert.True(sets.Connected(0, 2));
    }
}
