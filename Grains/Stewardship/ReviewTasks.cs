using System.Collections.Immutable;
using Cdm.Contracts.Stewardship;
using Cdm.Grains.Ingestion;

namespace Cdm.Grains.Stewardship;

/// <summary>Opens the review tasks an ingest found: possible matches, and links a constraint refused.</summary>
public sealed class ReviewTasks(IGrainFactory grainFactory, TimeProvider time)
{
    /// <summary>Opens a task per reviewed candidate of <paramref name="sourceKey"/> and per conflicting key.</summary>
    public Task OpenAsync(string sourceKey, MatchFindings findings, IReadOnlyList<string> conflictKeys, IReadOnlyList<string> droppedKeys)
    {
        if (findings.Reviews.IsDefaultOrEmpty && conflictKeys.Count == 0 && droppedKeys.Count == 0)
        {
            return Task.CompletedTask;
        }

        var now = time.GetUtcNow();
        var tasks = new List<ReviewTask>(findings.Reviews.Length + conflictKeys.Count);
        foreach (var candidate in findings.Reviews)
        {
            tasks.Add(new ReviewTask(
                ReviewTask.IdFor(sourceKey, candidate.SourceKey),
                sourceKey,
                candidate.SourceKey,
                candidate.Score.Weight,
                candidate.Score.Probability,
                [.. candidate.Score.Parts.Select(static p => new FieldEvidence(p.Field, p.Level, p.Weight))],
                findings.ModelVersion,
                now,
                ReviewStatus.Open,
                null,
                null,
                ReviewTask.PossibleMatch));
        }

        foreach (var key in conflictKeys)
        {
            var match = findings.Links.FirstOrDefault(l => l.SourceKey == key);
            tasks.Add(new ReviewTask(
                ReviewTask.IdFor(sourceKey, key),
                sourceKey,
                key,
                match?.Score.Weight ?? 0,
                match?.Score.Probability ?? 1.0,
                match is null ? [] : [.. match.Score.Parts.Select(static p => new FieldEvidence(p.Field, p.Level, p.Weight))],
                findings.ModelVersion,
                now,
                ReviewStatus.Open,
                null,
                null,
                ReviewTask.LinkConflict));
        }

        foreach (var key in droppedKeys)
        {
            tasks.Add(new ReviewTask(
                ReviewTask.IdFor(sourceKey, key), sourceKey, key, 0, 1.0, [], findings.ModelVersion, now, ReviewStatus.Open, null, null, ReviewTask.IdentifierLimit));
        }

        return Task.WhenAll(tasks.Select(t => grainFactory.GetGrain<IReviewQueueGrain>(IReviewQueueGrain.PartitionOf(t.Id)).OpenAsync(t)));
    }
}
