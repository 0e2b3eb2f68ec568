using Cdm.Grains.Blocking.Rows;

namespace Cdm.Postgres.Storage;

/// <summary>One block read waiting for a reader; its rows are gathered as they arrive, then it completes.</summary>
internal sealed class PendingBlockRead(string blockKey)
{
    // Continuations run on the caller's scheduler, never inline on the reader loop.
    private readonly TaskCompletionSource<StoredBlockRows> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<KeyValuePair<string, byte[]>> _members = [];
    private bool _overCap;

    public string BlockKey { get; } = blockKey;

    /// <summary>The block as stored; <see cref="StoredBlockRows.Empty"/> when it has no row.</summary>
    public Task<StoredBlockRows> Completion => _completion.Task;

    public void OverCap(bool overCap) => _overCap |= overCap;

    public void Member(string memberId, byte[] features) => _members.Add(new(memberId, features));

    /// <summary>Called once every row of the block has been read.</summary>
    public void Complete() =>
        _completion.TrySetResult(_overCap || _members.Count > 0 ? new StoredBlockRows(_overCap, _members) : StoredBlockRows.Empty);

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
