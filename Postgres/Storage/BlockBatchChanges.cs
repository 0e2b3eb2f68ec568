using Cdm.Grains.Blocking.Rows;

namespace Cdm.Postgres.Storage;

/// <summary>
/// The block changes of one batch, reduced to what they leave behind: for each (block, member) the last change
/// in queue order wins (a put keeps its features, a delete removes the row), and each block capped once. A batch
/// so writes each row once, in three statements at most, with no key twice in one statement (which
/// <c>INSERT ... ON CONFLICT DO UPDATE</c> refuses). Rows are listed in key order, the same in every writer of
/// every silo, so two batches that share rows wait for each other instead of deadlocking.
/// </summary>
internal sealed class BlockBatchChanges
{
    private BlockBatchChanges()
    {
    }

    public string[] PutBlockKeys { get; private init; } = [];

    public string[] PutMemberIds { get; private init; } = [];

    public byte[][] PutFeatures { get; private init; } = [];

    public string[] DeleteBlockKeys { get; private init; } = [];

    public string[] DeleteMemberIds { get; private init; } = [];

    public string[] CappedBlockKeys { get; private init; } = [];

    public bool IsEmpty => PutBlockKeys.Length == 0 && DeleteBlockKeys.Length == 0 && CappedBlockKeys.Length == 0;

    /// <summary>Reduces <paramref name="writes"/>, which must be in the order they were queued.</summary>
    public static BlockBatchChanges Reduce(IEnumerable<PendingBlockWrite> writes)
    {
        var members = new SortedDictionary<(string BlockKey, string MemberId), byte[]?>(MemberKeyOrder.Instance);
        var capped = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var write in writes)
        {
            foreach (var change in write.Changes)
            {
                switch (change.Kind)
                {
                    case BlockRowChangeKind.Put:
                        members[(change.BlockKey, Member(change))] =
                            change.Features ?? throw new ArgumentException($"A put of block {change.BlockKey} has no features.", nameof(writes));
                        break;
                    case BlockRowChangeKind.Delete:
                        members[(change.BlockKey, Member(change))] = null;
                        break;
                    case BlockRowChangeKind.Cap:
                        capped.Add(change.BlockKey);
                        break;
                    default:
                        throw new ArgumentOutOfRangeException(nameof(writes), change.Kind, "Unknown block row change.");
                }
            }
        }

        var (putBlocks, putMembers, putFeatures) = (new List<string>(), new List<string>(), new List<byte[]>());
        var (deleteBlocks, deleteMembers) = (new List<string>(), new List<string>());
        foreach (var ((blockKey, memberId), features) in members)
        {
            if (features is null)
            {
                deleteBlocks.Add(blockKey);
                deleteMembers.Add(memberId);
            }
            else
            {
                putBlocks.Add(blockKey);
                putMembers.Add(memberId);
                putFeatures.Add(features);
            }
        }

        return new BlockBatchChanges
        {
            PutBlockKeys = [.. putBlocks],
            PutMemberIds = [.. putMembers],
            PutFeatures = [.. putFeatures],
            DeleteBlockKeys = [.. deleteBlocks],
            DeleteMemberIds = [.. deleteMembers],
            CappedBlockKeys = [.. capped],
        };
    }

    private static string Member(BlockRowChange change) =>
        change.MemberId ?? throw new ArgumentException($"A change of block {change.BlockKey} has no member id.", nameof(change));

    private sealed class MemberKeyOrder : IComparer<(string BlockKey, string MemberId)>
    {
        public static readonly MemberKeyOrder Instance = new();

        public int Compare((string BlockKey, string MemberId) x, (string BlockKey, string MemberId) y)
        {
            var byBlock = string.CompareOrdinal(x.BlockKey, y.BlockKey);
            return byBlock != 0 ? byBlock : string.CompareOrdinal(x.MemberId, y.MemberId);
        }
    }
}
