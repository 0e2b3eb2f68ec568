using Cdm.Grains.Matching;

namespace Cdm.UnitTests.Matching;

public sealed class StringSimilarityTests
{
    [Theory]
    [InlineData("martha", "marhta", 0.9611)]
    [InlineData("dwayne", "duane", 0.8400)]
    [InlineData("dixon", "dicksonx", 0.8133)]
    [InlineData("jellyfish", "smellyfish", 0.8963)]
    [InlineData("smith", "smith", 1.0)]
    [InlineData("abc", "xyz", 0.0)]
    [InlineData("", "smith", 0.0)]
    public void JaroWinkler_KnownPairs(string left, string right, double expected)
    {
        var actual = JaroWinkler.Similarity(left, right);
        Assert.True(Math.Abs(expected - actual) < 0.0005, $"JW({left}, {right}) expected {expected}, was {actual}");
        Assert.Equal(actual, JaroWinkler.Similarity(right, left), 10);
    }

    [Fact]
    public void Jaro_WithoutPrefixBoost_IsLower()
    {
        Assert.True(Math.Abs(JaroWinkler.Jaro("martha", "marhta") - 0.9444) < 0.0005);
    }

    [Fact]
    public void JaroWinkler_LongValues_UseThePool()
    {
        var left = new string('a', 300) + "b";
        var right = new string('a', 300) + "c";
        Assert.InRange(JaroWinkler.Similarity(left, right), 0.99, 1.0);
    }

    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("flaw", "lawn", 2)]
    [InlineData("", "abc", 3)]
    [InlineData("same", "same", 0)]
    [InlineData("ca", "ac", 2)]
    public void Levenshtein_KnownPairs(string left, string right, int expected)
    {
        Assert.Equal(expected, EditDistance.Levenshtein(left, right));
    }

    [Theory]
    [InlineData("ca", "ac", 1)]
    [InlineData("123456789", "123465789", 1)]
    [InlineData("123456789", "123456780", 1)]
    [InlineData("kitten", "sitting", 3)]
    public void Damerau_CountsAdjacentSwapAsOne(string left, string right, int expected)
    {
        Assert.Equal(expected, EditDistance.Damerau(left, right));
    }

    [Fact]
    public void Bounded_GivesUpAboveTheBound()
    {
        Assert.Equal(2, EditDistance.Levenshtein("kitten", "sitting", bound: 1));
        Assert.Equal(2, EditDistance.Damerau("abcdef", "badcfe", bound: 1));
        Assert.Equal(3, EditDistance.Levenshtein("a", "abcdef", bound: 2));
        Assert.Equal(1, EditDistance.Damerau("abcdef", "abdcef", bound: 1));
    }

    [Fact]
    public void Similarity_DoesNotAllocate()
    {
        JaroWinkler.Similarity("catherine", "kathryn");
        EditDistance.Damerau("catherine", "kathryn", 3);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            JaroWinkler.Similarity("catherine", "kathryn");
            EditDistance.Damerau("catherine", "kathryn", 3);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
