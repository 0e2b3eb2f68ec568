using System.Collections.Immutable;
using Cdm.Contracts.Privacy;
using Cdm.Contracts.Records;

namespace Cdm.Grains.Privacy.Erasure;

/// <summary>
/// This silo's copy of the suppression list, checked by every ingest without a grain call. Loaded on first use, and
/// brought up to date by the erasure saga (through <see cref="ISuppressionFanOut"/>) before it releases any identifier
/// of the person, and every half minute besides. An empty list costs an ingest one field read.
/// </summary>
public sealed class SuppressionSet(IGrainFactory grains)
{
    private readonly SemaphoreSlim syncing = new(1, 1);
    private volatile Copy? copy;

    /// <summary>The list version this copy holds; -1 before the first load.</summary>
    public int Version => copy?.Version ?? -1;

    /// <summary>The fields of <paramref name="version"/> whose key is suppressed (each with why); empty when none is.</summary>
    public async ValueTask<ImmutableArray<FieldViolation>> CheckAsync(RecordVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var current = copy ?? await RefreshAsync(0);
        if (current.Hashes.Count == 0)
        {
            return [];
        }

        ImmutableArray<FieldViolation>.Builder? violations = null;
        if (current.Hashes.Contains(SuppressionHasher.Hash(current.Secret, version.SourceKey)))
        {
            (violations ??= ImmutableArray.CreateBuilder<FieldViolation>()).Add(new("record_id", SuppressedReason("source key")));
        }

        foreach (var identifier in version.Identifiers)
        {
            if (current.Hashes.Contains(SuppressionHasher.Hash(current.Secret, identifier.Key)))
            {
                (violations ??= ImmutableArray.CreateBuilder<FieldViolation>()).Add(new(FieldOf(identifier.Type), SuppressedReason(identifier.Type)));
            }
        }

        return violations?.ToImmutable() ?? [];
    }

    /// <summary>Brings the copy to at least <paramref name="minVersion"/> (0: whatever the list holds now); returns it.</summary>
    public async Task<int> SyncAsync(int minVersion) => (await RefreshAsync(minVersion)).Version;

    private async Task<Copy> RefreshAsync(int minVersion)
    {
        if (copy is { } held && minVersion > 0 && held.Version >= minVersion)
        {
            return held;
        }

        await syncing.WaitAsync();
        try
        {
            var before = copy;
            if (before is not null && minVersion > 0 && before.Version >= minVersion)
            {
                return before;
            }

            var delta = await grains.GetGrain<ISuppressionListGrain>(0).GetSinceAsync(before?.Version ?? 0);
            if (before is not null && delta.Hashes.IsEmpty)
            {
                return before;
            }

            // Copy on write: checks in flight keep reading the old set.
            var hashes = before is null ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(before.Hashes, StringComparer.Ordinal);
            hashes.UnionWith(delta.Hashes);
            var next = new Copy(delta.Secret, hashes, delta.Version);
            copy = next;
            return next;
        }
        finally
        {
            syncing.Release();
        }
    }

    private static string FieldOf(string identifierType) =>
        identifierType is "email" or "phone" ? "attributes." + identifierType : "identifiers." + identifierType;

    private static string SuppressedReason(string what) =>
        $"this {what} belongs to a person whose data was erased at their request; it is suppressed and the record was not stored";

    private sealed record Copy(byte[] Secret, HashSet<string> Hashes, int Version);
}

/// <summary>Brings the suppression copy of every silo in the cluster up to a list version.</summary>
public interface ISuppressionFanOut
{
    /// <summary>Completes once every active silo's copy holds <paramref name="version"/>; throws when one could not be reached.</summary>
    Task SyncEverySiloAsync(int version);
}
