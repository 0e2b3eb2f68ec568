using Cdm.Grains.Blocking.Rows;

namespace Cdm.Postgres.Storage;

/// <summary>
/// The block changes of one <see cref="PostgresGroupCommitGrainStorage.WriteBlocksAsync"/> call, waiting for a writer.
/// They go into the batch transaction with the grain-state writes taken with them, and the call is answered only
/// after that transaction committed, or failed.
/// </summary>
internal sealed class PendingBlockWrite(IReadOnlyList<BlockRowChange> changes)
{
    // Continuations run on the caller's scheduler, never inline on the writer loop.
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The changes, in the order the caller made them.</summary>
    public IReadOnlyList<BlockRowChange> Changes { get; } = changes;

    /// <summary>Completes once committed.</summary>
    public Task Completion => _completion.Task;

    public void Publish() => _completion.TrySetResult();

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
