namespace Cdm.Bench.Load;

/// <summary>Which records of a <c>--file</c> a run sends.</summary>
public static class FileRecords
{
    /// <summary>
    /// Keeps the first warm-up plus <c>--records</c> records when <c>--records</c> was given, so a large file can
    /// drive a shorter run; otherwise keeps them all.
    /// </summary>
    public static void Limit<T>(List<T> records, LoadSettings settings)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(settings);
        var wanted = settings.Warmup + settings.Records;
        if (settings.RecordsGiven && records.Count > wanted)
        {
            records.RemoveRange((int)wanted, records.Count - (int)wanted);
        }
    }
}
