using System.Threading.Channels;
using Cdm.Cli.Records;

namespace Cdm.Cli.Ingest;

/// <summary>
/// Feeds the records of a file to an <see cref="IngestStreamDriver"/> as they are read: the queue
/// between them is small, so memory stays flat whatever the file's size. Lines that cannot be read go
/// straight to the summary with their line number.
/// </summary>
public sealed class FileImporter(IngestStreamDriver driver)
{
    public async Task RunAsync(IEnumerable<RecordLine> lines, ImportSummary summary, CancellationToken cancellationToken)
    {
        var queue = Channel.CreateBounded<OutgoingRecord>(new BoundedChannelOptions(driver.Streams * 64)
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reading = Task.Run(async () =>
        {
            try
            {
                foreach (var line in lines)
                {
                    if (line.Record is { } record)
                    {
                        await queue.Writer.WriteAsync(new OutgoingRecord(line.LineNumber, record), stop.Token);
                    }
                    else
                    {
                        summary.OnMalformed(line.LineNumber, line.Error ?? "unreadable line");
                    }
                }

                queue.Writer.Complete();
            }
            catch (Exception e)
            {
                // The streams see the reading error and stop; the driver rethrows it.
                queue.Writer.Complete(e);
            }
        }, CancellationToken.None);

        try
        {
            await driver.RunAsync(queue.Reader, summary, stop.Token);
        }
        finally
        {
            // When the gateway fails, the reader may be waiting for room in the queue.
            await stop.CancelAsync();
            await reading;
        }
    }
}
