using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Cdm.Testing;

/// <summary>
/// Records the measurements of every instrument made by one <see cref="IMeterFactory"/>. Each service provider
/// has its own factory, so tests running side by side never see each other's measurements, even on meters of
/// the same name.
/// </summary>
public sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<RecordedMeasurement> measurements = new();

    public MeasurementRecorder(IMeterFactory meterFactory)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meterFactory)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.Start();
    }

    /// <summary>The measurements of one instrument, in the order they were made.</summary>
    public IReadOnlyList<RecordedMeasurement> Of(string instrument) => measurements.Where(m => m.Instrument == instrument).ToList();

    public void Dispose() => listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(tags.Length);
        foreach (var (key, tagValue) in tags)
        {
            copy[key] = tagValue;
        }

        measurements.Enqueue(new RecordedMeasurement(instrument.Name, value, copy));
    }
}
