namespace Cdm.Bench.Truth;

/// <summary>Prints how the server's profiles compare with the truth.</summary>
public static class VerificationWriter
{
    public static void WriteText(TextWriter output, PartitionReport report)
    {
        var m = report.Metrics;
        output.WriteLine(report.IsExact
            ? $"verify: profiles equal the truth components exactly ({m.TrueEntities:N0} components, {m.Records:N0} records)"
            : $"verify: MISMATCH: {report.Missing:N0} records in no profile, {report.SplitComponents:N0} components split, " +
              $"{report.MixedProfiles:N0} profiles mixing components");
        output.WriteLine($"  pairwise precision {m.Precision:F4}, recall {m.Recall:F4}, F1 {m.F1:F4}; " +
                         $"true pairs {m.TruePairs:N0}, predicted {m.PredictedPairs:N0}, correct {m.CorrectPairs:N0}; " +
                         $"{m.PredictedProfiles:N0} profiles; {report.Extra:N0} records in the xref not in the truth");
        foreach (var line in report.FirstMissing.Concat(report.FirstSplits).Concat(report.FirstMixes))
        {
            output.WriteLine($"  {line}");
        }
    }
}
