using System.Text.RegularExpressions;
using Cdm.Cli.Records;

namespace Cdm.Cli.Evaluation;

/// <summary>
/// Joins the records of a labelled file with the gateway's cross references on (source, record id)
/// and scores the profiles against the file's truth.
/// </summary>
public static class TruthJoin
{
    /// <param name="truthPattern">
    /// Optional: the truth id is the first capture group of this pattern (or its whole match) in the
    /// truth value, e.g. <c>rec-(\d+)-</c> for Febrl's <c>rec-12-dup-0</c>. A value it does not match has no truth.
    /// </param>
    public static EvaluationResult Evaluate(IEnumerable<RecordLine> lines, IReadOnlyDictionary<RecordKey, string> xref,
        Regex? truthPattern, int keepMissing = 20)
    {
        var evaluator = new PairwiseEvaluator();
        var seen = new HashSet<RecordKey>();
        var firstMissing = new List<string>();
        long read = 0, missing = 0, withoutTruth = 0, malformed = 0, duplicates = 0;
        foreach (var line in lines)
        {
            read++;
            if (line.Record is not { } record)
            {
                malformed++;
                continue;
            }

            var key = new RecordKey(record.Source, record.RecordId);
            if (!seen.Add(key))
            {
                // A later version of the same record: the profile is the same, counting it again would invent pairs.
                duplicates++;
                continue;
            }

            if (TruthId(line.Truth, truthPattern) is not { } truth)
            {
                withoutTruth++;
                continue;
            }

            if (!xref.TryGetValue(key, out var profile))
            {
                missing++;
                if (firstMissing.Count < keepMissing)
                {
                    firstMissing.Add($"line {line.LineNumber}: {key}");
                }

                continue;
            }

            evaluator.Add(truth, profile);
        }

        return new EvaluationResult(evaluator.Compute(), read, missing, withoutTruth, malformed, duplicates, firstMissing);
    }

    public static string? TruthId(string? value, Regex? pattern)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (pattern is null)
        {
            return value.Trim();
        }

        var match = pattern.Match(value);
        if (!match.Success)
        {
            return null;
        }

        return match.Groups.Count > 1 && match.Groups[1].Success ? match.Groups[1].Value : match.Value;
    }
}
