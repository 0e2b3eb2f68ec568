namespace Cdm.Testing;

/// <summary>One measurement seen by a <see cref="MeasurementRecorder"/>.</summary>
public sealed record RecordedMeasurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public bool HasTag(string key, string value) => Tags.TryGetValue(key, out var held) && Equals(held, value);
}
