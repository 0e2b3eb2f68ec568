using System.Collections.Immutable;
using Cdm.Contracts.Privacy;
using Cdm.Contracts.Records;

namespace Cdm.Grains.Privacy.Erasure;

/// <summary>
/// This silo's copy of the suppression list, checked by every ingest without a grain call. Loaded on first use, and
/// brought up to date by the erasure saga (through <see cref="ISuppressionFanOut"/>) before it releases any identifier
/// of the person, and every half minute besides. With an empty list an ingest costs a field read and two atomic counts.
/// </summary>
public sealed class SuppressionSet(IGrainFactory grains)
{
    private readonly SemaphoreSlim syncing = new(1, 1);
    private volatile Copy? copy;

    /// <summary>The list version this copy holds; -1 before the first load.</summary>
    public int Version => copy?.Version ?? -1;

    /// <summary>
    /// Admits an ingest of <paramref name="version"/>: its <see cref="Admission.Violations"/> name each field whose key is
    /// suppressed (empty when none is). Dispose the admission when the ingest is over: a newer list waits for the ingests
    /// admitted under an older one (<see cref="SyncAsync"/>), so none of them can claim a key once it is released.
    /// </summary>
    public async ValueTask<Admission> AdmitAsync(RecordVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        while (true)
        {
            var current = copy ?? await RefreshAsync(0);
            current.Enter();
            if (!ReferenceEquals(current, copy))
            {
                // Replaced between the read and the entry: the newer list may already be draining without this ingest.
                current.Exit();
                continue;
            }

            return new Admission(current, current.Hashes.Count == 0 ? [] : Check(current, version));
        }
    }

    private static ImmutableArray<FieldViolation> Check(Copy current, RecordVersion version)
    {
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
            if (before is not null)
            {
                // Ingests admitted under the older list finish before anyone is told this silo holds the newer one.
                await before.RetireAsync();
            }

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

    /// <summary>One version of the list, and the ingests admitted under it.</summary>
    internal sealed class Copy(byte[] secret, HashSet<string> hashes, int version)
    {
        private readonly TaskCompletionSource drained = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // One for the copy itself until it is retired, plus one per admitted ingest.
        private int inFlight = 1;

        public byte[] Secret { get; } = secret;

        public HashSet<string> Hashes { get; } = hashes;

        public int Version { get; } = version;

        public void Enter() => Interlocked.Increment(ref inFlight);

        public void Exit()
        {
            if (Interlocked.Decrement(ref inFlight) == 0)
            {
                drained.TrySetResult();
            }
        }

        /// <summary>Completes once every ingest admitted under this copy is over.</summary>
        public Task RetireAsync()
        {
            Exit();
            return drained.Task;
        }
    }

    /// <summary>An ingest admitted by <see cref="AdmitAsync"/>; dispose it when the ingest is over.</summary>
    public readonly struct Admission : IDisposable
    {
        private readonly Copy copy;

        internal Admission(Copy copy, ImmutableArray<FieldViolation> violations)
        {
            this.copy = copy;
            Violations = violations;
        }

        /// <summary>The fields whose key is suppressed, each with why; empty when the record may go on.</summary>
        public ImmutableArray<FieldViolation> Violations { get; }

        /// <summary>Whether the list this ingest was admitted under has any entry at all.</summary>
        public bool HasEntries => copy is { Hashes.Count: > 0 };

        /// <summary>Whether <paramref name="key"/> (an identifier or source key) is suppressed in that list.</summary>
        public bool IsSuppressed(string key) => HasEntries && copy.Hashes.Contains(SuppressionHasher.Hash(copy.Secret, key));

        public void Dispose() => copy?.Exit();
    }
}

/// <summary>Brings the suppression copy of every silo in the cluster up to a list version.</summary>
public interface ISuppressionFanOut
{
    /// <summary>Completes once every active silo's copy holds <paramref name="version"/>; throws when one could not be reached.</summary>
    Task SyncEverySiloAsync(int version);
}
