using Cdm.Grains.Blocking.Rows;
using Microsoft.Data.Sqlite;

namespace Cdm.Silo.Storage;

/// <summary>The block-table changes of one partition write, applied in order in one batch transaction.</summary>
internal sealed class BlockRowsWrite(IReadOnlyList<BlockRowChange> changes) : QueuedWrite
{
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once committed.</summary>
    public Task Completion => _completion.Task;

    public override void Apply(SqliteWriteCommands commands, string modifiedAt)
    {
        foreach (var change in changes)
        {
            commands.Blocks.Apply(change);
        }
    }

    public override void Publish() => _completion.TrySetResult();

    public override void Fail(Exception exception) => _completion.TrySetException(exception);
}
