using Cdm.Grains.Storage;

namespace Cdm.PostgresTests.Storage;

public sealed class PostgresGroupCommitScannerTests
{
    [Fact]
    public async Task Scan_StreamsExactlyTheLiveStatesOfOneGrainTypeStateNameAndService()
    {
        var database = await GrainStateDatabase.CreateAsync("pg scan");
        await using var storage = await database.StartAsync();
        await using var otherService = await database.StartAsync(o => o.ServiceId = "other-service");
        // More than two pages of rows, among rows of another grain type, another state name, another service and a cleared one.
        var expected = new Dictionary<string, int>();
        var writes = new List<Task>();
        for (var i = 0; i < 600; i++)
        {
            var key = $"p{i:D4}";
            expected[key] = i;
            writes.Add(storage.WriteStateAsync("profile", GrainId.Create("cdm-profile", key), new GrainState<TestState>(new TestState { Name = key, Count = i })));
            writes.Add(storage.WriteStateAsync("profile", GrainId.Create("cdm-other", key), new GrainState<TestState>(new TestState { Name = "other type" })));
            writes.Add(storage.WriteStateAsync("journal", GrainId.Create("cdm-profile", key), new GrainState<TestState>(new TestState { Name = "other state" })));
            writes.Add(otherService.WriteStateAsync("profile", GrainId.Create("cdm-profile", key + "x"), new GrainState<TestState>(new TestState { Name = "other service" })));
        }

        await Task.WhenAll(writes);
        var erased = new GrainState<TestState>();
        await storage.ReadStateAsync("profile", GrainId.Create("cdm-profile", "p0300"), erased);
        await storage.ClearStateAsync("profile", GrainId.Create("cdm-profile", "p0300"), erased);
        expected.Remove("p0300");

        IGrainStateScanner scanner = storage;
        var scanned = new Dictionary<string, TestState>();
        await foreach (var (key, state) in scanner.ScanAsync<TestState>("cdm-profile", "profile"))
        {
            Assert.True(scanned.TryAdd(key, state), $"{key} was returned twice");
        }

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), scanned.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, count) in expected)
        {
            var state = scanned[key];
            Assert.True(state.Name == key && state.Count == count, $"{key}: expected ({key}, {count}), scanned ({state.Name}, {state.Count})");
        }
    }

    [Fact]
    public async Task Scan_OfAnUnknownGrainType_IsEmpty()
    {
        var database = await GrainStateDatabase.CreateAsync("pg scan empty");
        await using var storage = await database.StartAsync();
        await storage.WriteStateAsync("profile", GrainId.Create("cdm-profile", "one"), new GrainState<TestState>(new TestState()));

        var count = 0;
        await foreach (var _ in storage.ScanAsync<TestState>("cdm-nothing", "profile"))
        {
            count++;
        }

        Assert.Equal(0, count);
    }
}
