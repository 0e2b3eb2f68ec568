using System.Diagnostics;
using Spectre.Console;

namespace Cdm.Cli.Ingest;

/// <summary>A live progress bar over the bytes of the file, with the records done and the rate.</summary>
public static class ImportProgress
{
    public static async Task RunAsync(IAnsiConsole console, Func<long> position, long length, ImportSummary summary, Task work)
    {
        var clock = Stopwatch.StartNew();
        await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("importing", maxValue: Math.Max(1, length));
                var lastCount = 0L;
                var lastTime = TimeSpan.Zero;
                var rate = 0.0;
                while (true)
                {
                    var finished = await Task.WhenAny(work, Task.Delay(250)) == work;
                    var count = summary.Completed;
                    var now = clock.Elapsed;
                    if (now - lastTime >= TimeSpan.FromSeconds(1) || finished)
                    {
                        // The rate over the last second or so: it shows a stall at once, unlike an average.
                        rate = (count - lastCount) / Math.Max(1e-3, (now - lastTime).TotalSeconds);
                        (lastCount, lastTime) = (count, now);
                    }

                    task.Value = Math.Min(task.MaxValue, position());
                    task.Description = $"{count:N0} records, {rate:N0}/s";
                    if (finished)
                    {
                        task.Value = task.MaxValue;
                        task.Description = $"{count:N0} records, {count / Math.Max(1e-3, now.TotalSeconds):N0}/s average";
                        break;
                    }
                }
            });

        await work;
    }
}
