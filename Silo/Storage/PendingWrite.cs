using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace Cdm.Silo.Storage;

/// <summary>
/// One grain-state write or clear waiting for the writer thread. Its outcome is worked out inside the batch transaction but
/// published only after the commit, so no caller sees a write acknowledged before it is durable.
/// </summary>
internal sealed class PendingWrite(
    PendingWriteKind kind,
    string grainType,
    string grainKey,
    string stateName,
    string? etag,
    string? stateType,
    byte[]? payload) : QueuedWrite
{
    // Continuations run on their own schedulers, never inline on the writer thread.
    private readonly TaskCompletionSource<string?> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _newETag;
    private bool _conflict;
    private string? _storedETag;

    public PendingWriteKind Kind { get; } = kind;

    public string GrainType { get; } = grainType;

    public string GrainKey { get; } = grainKey;

    public string StateName { get; } = stateName;

    /// <summary>The ETag the grain holds: the version it expects to find.</summary>
    public string? ETag { get; } = etag;

    public string? StateType { get; } = stateType;

    public byte[]? Payload { get; } = payload;

    /// <summary>Completes with the new ETag once committed.</summary>
    public Task<string?> Completion => _completion.Task;

    public override void Apply(SqliteWriteCommands commands, string modifiedAt) =>
        commands.Apply(this, modifiedAt);

    public void Succeeded(string? newETag)
    {
        _conflict = false;
        _newETag = newETag;
    }

    public void Conflicted(string? storedETag)
    {
        _conflict = true;
        _storedETag = storedETag;
    }

    public override void Publish()
    {
        if (!_conflict)
        {
            _completion.TrySetResult(_newETag);
            return;
        }

        var operation = Kind switch { PendingWriteKind.Write => "WriteState", PendingWriteKind.Clear => "ClearState", _ => "EraseState" };
        _completion.TrySetException(new InconsistentStateException(
            $"Version conflict ({operation}): GrainType={GrainType} GrainKey={GrainKey} StateName={StateName} StoredETag={_storedETag ?? "<none>"} ETag={ETag ?? "<none>"}.",
            _storedETag,
            ETag));
    }

    public override void Fail(Exception exception) => _completion.TrySetException(exception);
}
