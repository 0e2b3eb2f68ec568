using Cdm.Bench.Generation;
using Cdm.Bench.Load;

namespace Cdm.Bench.Tests.Load;

public sealed class FileRecordsTests
{
    [Fact]
    public void WithRecordsGiven_KeepsTheWarmUpPlusThatMany()
    {
        var records = Enumerable.Range(0, 100).ToList();

        FileRecords.Limit(records, Settings(records: 30, warmup: 5, given: true));

        Assert.Equal(Enumerable.Range(0, 35), records);
    }

    [Fact]
    public void WithoutRecordsGiven_KeepsTheWholeFile()
    {
        var records = Enumerable.Range(0, 100).ToList();

        FileRecords.Limit(records, Settings(records: 30, warmup: 5, given: false));

        Assert.Equal(100, records.Count);
    }

    [Fact]
    public void AFileShorterThanAsked_IsSentWhole()
    {
        var records = Enumerable.Range(0, 10).ToList();

        FileRecords.Limit(records, Settings(records: 30, warmup: 5, given: true));

        Assert.Equal(10, records.Count);
    }

    private static LoadSettings Settings(long records, long warmup, bool given) => new()
    {
        Gateway = "http://127.0.0.1:1",
        Records = records,
        RecordsGiven = given,
        Warmup = warmup,
        Streams = 1,
        InFlight = 1,
        Seed = 1,
        Region = PhoneRegion.Us,
        CeilingDuration = TimeSpan.Zero,
        StorageDuration = TimeSpan.Zero,
    };
}
