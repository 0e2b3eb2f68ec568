using Cdm.Grains.Storage;

namespace Cdm.UnitTests.Storage;

public sealed class SqliteGroupCommitScannerTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Scan_ReturnsExactlyTheLiveStatesOfOneGrainTypeAndStateName()
    {
        await using var storage = await TestStorages.StartAsync(_database);
        // More than one page of rows, among rows of another grain type, another state name and a cleared one.
        var expected = new Dictionary<string, int>();
        var writes = new List<Task>();
        for (var i = 0; i < 600; i++)
        {
            var key = $"p{i:D4}";
            expected[key] = i;
            writes.Add(storage.WriteStateAsync("profile", GrainId.Create("cdm-profile", key), new GrainState<TestState>(new TestState { Name = key, Count = i })));
            writes.Add(storage.WriteStateAsync("profile", GrainId.Create("cdm-other", key), new GrainState<TestState>(new TestState { Name = "other type" })));
            writes.Add(storage.WriteStateAsync("journal", GrainId.Create("cdm-profile", key), new GrainState<TestState>(new TestState { Name = "other state" })));
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
        await using var storage = await TestStorages.StartAsync(_database);
        await storage.WriteStateAsync("profile", GrainId.Create("cdm-profile", "one"), new GrainState<TestState>(new TestState()));

        var count = 0;
        await foreach (var _ in storage.ScanAsync<TestState>("cdm-nothing", "profile"))
        {
            count++;
        }

        Assert.Equal(0, count);
    }
}
