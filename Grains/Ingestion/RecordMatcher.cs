using System.Globalization;
using System.Collections.Immutable;
using Cdm.Contracts.Records;
using Cdm.Grains.Blocking;
using Cdm.Grains.Diagnostics;
using Cdm.Grains.Matching;
using Microsoft.Extensions.Options;

namespace Cdm.Grains.Ingestion;

/// <summary>
/// The probabilistic part of an ingest: puts the record into its blocks, takes back the members that were there
/// before it, and scores each against it with the active model. Every pair of records sharing a block is scored
/// exactly once, by whichever arrived second, so the links found do not depend on the order of arrival.
/// </summary>
public sealed class RecordMatcher
{
    private readonly IBlockPartitionGrain[] partitions;
    private readonly BlockingKeys blockingKeys;
    private readonly ActiveMatchModel activeModel;
    private readonly CdmMetrics metrics;
    private readonly MatchingOptions options;

    public RecordMatcher(IGrainFactory grainFactory, IOptions<MatchingOptions> options, ActiveMatchModel activeModel, CdmMetrics metrics)
    {
        this.options = options.Value;
        partitions = [.. Enumerable.Range(0, Math.Max(1, this.options.Blocking.Partitions)).Select(p => grainFactory.GetGrain<IBlockPartitionGrain>(p))];
        blockingKeys = new BlockingKeys(this.options.Blocking);
        this.activeModel = activeModel;
        this.metrics = metrics;
    }

    /// <summary>The blocking keys of a record version under the configured rules.</summary>
    public IReadOnlyList<BlockingKey> KeysOf(RecordVersion version) => blockingKeys.For(version);

    /// <summary>Removes a deleted record from <paramref name="blockKeys"/>.</summary>
    public Task RemoveAsync(IEnumerable<string> blockKeys, string sourceKey) =>
        Task.WhenAll(ByPartition(blockKeys).Select(g => partitions[g.Key].RemoveAsync([.. g], sourceKey)));

    /// <summary>
    /// Puts a record whose versions changed outside ingest (retention) back into its blocks: it leaves the blocks only
    /// <paramref name="before"/> put it in, and its features are replaced in the blocks of <paramref name="current"/>
    /// (none when the record is gone).
    /// </summary>
    public async Task ReblockAsync(string sourceKey, RecordVersion? current, IEnumerable<RecordVersion> before)
    {
        var now = current is null ? [] : blockingKeys.For(current);
        var keep = now.Select(static k => k.Key).ToHashSet(StringComparer.Ordinal);
        await RemoveAsync(before.SelectMany(blockingKeys.For).Select(static k => k.Key).Where(k => !keep.Contains(k)), sourceKey);
        if (current is not null && now.Count > 0 && options.Enabled)
        {
            await ExchangeAsync(now, sourceKey, MatchRecords.From(current).ToFeatures());
        }
    }

    /// <summary>The members of one block, for tests and tools.</summary>
    public Task<BlockCandidates> GetBlockAsync(string blockKey) => partitions[PartitionOf(blockKey)].GetMembersAsync(blockKey);

    /// <summary>Blocks the record and scores its candidates; nothing when matching is off.</summary>
    public async Task<MatchFindings> FindAsync(RecordVersion version)
    {
        if (!options.Enabled)
        {
            return MatchFindings.None;
        }

        var keys = blockingKeys.For(version);
        if (keys.Count == 0)
        {
            return MatchFindings.None;
        }

        var record = MatchRecords.From(version);
        var features = record.ToFeatures();
        var sourceKey = version.SourceKey;
        var exchanged = await ExchangeAsync(keys, sourceKey, features);
        var loaded = await activeModel.GetAsync();
        if (loaded.Model is not { } model)
        {
            return MatchFindings.None;
        }

        return Score(model, loaded.Version, record, exchanged);
    }

    /// <summary>Each key's candidates, in the order of the keys (the rules'), one call per partition touched.</summary>
    private async Task<BlockCandidates[]> ExchangeAsync(IReadOnlyList<BlockingKey> keys, string sourceKey, ImmutableDictionary<string, string> features)
    {
        var groups = ByPartition(keys.Select(static k => k.Key)).ToArray();
        var answers = await Task.WhenAll(groups.Select(g => partitions[g.Key].ExchangeAsync([.. g], sourceKey, features)));
        var byKey = new Dictionary<string, BlockCandidates>(keys.Count, StringComparer.Ordinal);
        for (var i = 0; i < groups.Length; i++)
        {
            var j = 0;
            foreach (var key in groups[i])
            {
                byKey[key] = answers[i][j++];
            }
        }

        return [.. keys.Select(k => byKey[k.Key])];
    }

    private int PartitionOf(string blockKey) => BlockPartitions.Of(blockKey, partitions.Length);

    private IEnumerable<IGrouping<int, string>> ByPartition(IEnumerable<string> blockKeys) =>
        blockKeys.Distinct(StringComparer.Ordinal).GroupBy(PartitionOf);

    private MatchFindings Score(MatchModel model, int modelVersion, MatchRecord record, BlockCandidates[] exchanged)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        ImmutableArray<ScoredCandidate>.Builder? links = null;
        ImmutableArray<ScoredCandidate>.Builder? reviews = null;
        foreach (var block in exchanged)
        {
            foreach (var candidate in block.Members)
            {
                if (seen.Count >= options.MaxCandidates || !seen.Add(candidate.MemberId))
                {
                    continue;
                }

                var other = MatchFeatures.ToMatchRecord(candidate.Features);
                var decision = model.Decide(model.ScoreWeight(record, other));
                if (decision == MatchDecision.None)
                {
                    continue;
                }

                var score = model.Score(record, other);
                switch (decision)
                {
                    case MatchDecision.Link:
                        (links ??= ImmutableArray.CreateBuilder<ScoredCandidate>()).Add(new(candidate.MemberId, score));
                        metrics.MatchDecided("link");
                        break;
                    case MatchDecision.Review:
                        (reviews ??= ImmutableArray.CreateBuilder<ScoredCandidate>()).Add(new(candidate.MemberId, score));
                        metrics.MatchDecided("review");
                        break;
                }
            }
        }

        return links is null && reviews is null
            ? MatchFindings.None with { ModelVersion = modelVersion }
            : new MatchFindings(links?.ToImmutable() ?? [], reviews?.ToImmutable() ?? [], modelVersion);
    }
}

/// <summary>The candidates of one record: those to link and those to review, with the model version that scored them.</summary>
public sealed record MatchFindings(ImmutableArray<ScoredCandidate> Links, ImmutableArray<ScoredCandidate> Reviews, int ModelVersion)
{
    public static MatchFindings None { get; } = new([], [], 0);
}

/// <summary>An earlier record of a shared block, with its score against the record being ingested.</summary>
public sealed record ScoredCandidate(string SourceKey, MatchScore Score)
{
    /// <summary>The reason a link or merge made by this match is recorded with.</summary>
    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"match with {SourceKey}: {Score.Weight:F1} bits, p={Score.Probability:F3} (")
        + string.Join(", ", Score.Parts.Where(p => p.Weight != 0).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Field} {p.Level} {p.Weight:+0.0;-0.0}")))
        + ")";
}
