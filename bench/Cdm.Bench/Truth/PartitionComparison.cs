using Cdm.Cli.Evaluation;

namespace Cdm.Bench.Truth;

/// <summary>Compares the server's cross references with the truth components, record by record.</summary>
public static class PartitionComparison
{
    /// <summary>Pairwise scores of the profiles against the generated people behind the records.</summary>
    public static PairwiseMetrics AgainstPeople(IEnumerable<TruthEntry> truth, IReadOnlyDictionary<RecordKey, string> xref)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(xref);
        var people = new PairwiseEvaluator();
        foreach (var entry in truth)
        {
            if (xref.TryGetValue(new RecordKey(entry.Source, entry.RecordId), out var profile))
            {
                people.Add(entry.Person, profile);
            }
        }

        return people.Compute();
    }

    public static PartitionReport Compare(IEnumerable<TruthEntry> truth, IReadOnlyDictionary<RecordKey, string> xref, int show = 20)
    {
        var evaluator = new PairwiseEvaluator();
        var profilesOfComponent = new Dictionary<string, Dictionary<string, List<RecordKey>>>(StringComparer.Ordinal);
        var componentsOfProfile = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var firstMissing = new List<string>();
        var known = new HashSet<RecordKey>();
        long missing = 0;

        foreach (var entry in truth)
        {
            var key = new RecordKey(entry.Source, entry.RecordId);
            known.Add(key);
            if (!xref.TryGetValue(key, out var profile))
            {
                missing++;
                if (firstMissing.Count < show)
                {
                    firstMissing.Add($"{key} (component {entry.Component}) is in no profile");
                }

                continue;
            }

            evaluator.Add(entry.Component, profile);
            var profiles = profilesOfComponent.TryGetValue(entry.Component, out var p) ? p : profilesOfComponent[entry.Component] = [];
            (profiles.TryGetValue(profile, out var members) ? members : profiles[profile] = []).Add(key);
            (componentsOfProfile.TryGetValue(profile, out var c) ? c : componentsOfProfile[profile] = new(StringComparer.Ordinal)).Add(entry.Component);
        }

        var splits = profilesOfComponent.Where(c => c.Value.Count > 1).OrderBy(c => c.Key, StringComparer.Ordinal).ToList();
        var mixes = componentsOfProfile.Where(p => p.Value.Count > 1).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        return new PartitionReport(
            evaluator.Compute(),
            missing,
            xref.Keys.Count(k => !known.Contains(k)),
            splits.Count,
            mixes.Count,
            firstMissing,
            [.. splits.Take(show).Select(s => $"component {s.Key} is split over {s.Value.Count} profiles: " +
                string.Join("; ", s.Value.Select(p => $"{p.Key} holds {string.Join(", ", p.Value.Take(5))}{(p.Value.Count > 5 ? ", ..." : "")}")))],
            [.. mixes.Take(show).Select(m => $"profile {m.Key} holds {m.Value.Count} components: {string.Join(", ", m.Value.Order(StringComparer.Ordinal).Take(10))}")]);
    }
}
