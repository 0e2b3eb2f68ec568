using System.Diagnostics;
using Cdm.Api.V1;
using Cdm.Bench.Load;

namespace Cdm.Bench.Tests.Load;

public sealed class LoadFiguresTests
{
    [Fact]
    public void SteadyRate_CountsTheMiddleEightyPercent()
    {
        // 100 completions one millisecond apart: 80 of them between the 10th and 90th.
        var tick = Stopwatch.Frequency / 1000;
        var completions = Enumerable.Range(0, 100).Select(i => 1_000_000 + i * tick).ToArray();

        Assert.Equal(1000.0, LatencyObserver.SteadyRate(completions), 6);
    }

    [Fact]
    public void Figures_CountStatusesAndPercentiles()
    {
        var observer = new LatencyObserver(3);
        var start = Stopwatch.GetTimestamp();
        observer.OnResult(0, new IngestResult { Status = IngestStatus.Created }, start);
        observer.OnResult(1, new IngestResult { Status = IngestStatus.Rejected }, start);
        observer.OnNoResult(2);

        var figures = observer.Figures(start, null);

        Assert.Equal(3, figures.Sent);
        Assert.Equal(2, figures.Completed);
        Assert.Equal(1, figures.Statuses["created"]);
        Assert.Equal(1, figures.Rejected);
        Assert.Equal(1, figures.NoResult);
        Assert.True(figures.P99Ms >= figures.P50Ms);
    }

    [Fact]
    public void SqliteCeiling_MeasuresAndCleansUp()
    {
        var directory = Directory.CreateTempSubdirectory("cdm-bench-tests").FullName;
        try
        {
            var figure = SqliteCeiling.Measure(directory, "NORMAL", 4, TimeSpan.FromMilliseconds(200));

            Assert.Null(figure.Error);
            Assert.True(figure.Rows > 0, "no row was written in 200 ms");
            Assert.Empty(Directory.GetFiles(directory));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void PeakKib_OfThisProcessIsPositiveOnLinux()
    {
        var peak = ServerMemory.PeakKib(Environment.ProcessId);

        if (OperatingSystem.IsLinux())
        {
            Assert.True(peak > 0, $"VmHWM of this process: {peak}");
        }
        else
        {
            Assert.Null(peak);
        }
    }
}
