using Cdm.Silo.Storage;

namespace Cdm.UnitTests.Storage;

public sealed class StoredKeyFilterTests
{
    [Fact]
    public void AddedKeys_AreAlwaysMaybe()
    {
        var filter = new StoredKeyFilter(20);
        var keys = Enumerable.Range(0, 50_000).Select(i => ($"type{i % 3}", $"key-{i}", i % 2 == 0 ? "profile" : "identifier")).ToList();

        foreach (var (type, key, state) in keys)
        {
            filter.Add(type, key, state);
        }

        Assert.All(keys, k => Assert.True(filter.MightContain(k.Item1, k.Item2, k.Item3), $"{k} was added but the filter rules it out"));
    }

    [Fact]
    public void AbsentKeys_AreMostlyRuledOut()
    {
        var filter = new StoredKeyFilter(20);
        for (var i = 0; i < 50_000; i++)
        {
            filter.Add("identifier", $"email:{i}@x.net", "identifier");
        }

        var maybes = Enumerable.Range(0, 10_000).Count(i => filter.MightContain("identifier", $"email:{i}@y.net", "identifier"));
        var otherState = filter.MightContain("identifier", "email:1@x.net", "profile");

        // 2^20 bits for 50,000 keys with 4 probes: about 0.2% false "maybe"s expected.
        Assert.InRange(maybes, 0, 100);
        Assert.False(otherState && filter.MightContain("identifier", "email:2@x.net", "profile") && filter.MightContain("identifier", "email:3@x.net", "profile"));
    }
}
