namespace Cdm.Postgres.Storage;

/// <summary>One point read waiting for a reader; completes with what the row holds, or with no row.</summary>
internal sealed class PendingRead(string grainType, string stateName, string grainKey)
{
    // Continuations run on the caller's scheduler, never inline on the reader loop.
    private readonly TaskCompletionSource<StoredRow?> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string GrainType { get; } = grainType;

    public string StateName { get; } = stateName;

    public string GrainKey { get; } = grainKey;

    /// <summary>The stored row, or null when there is none.</summary>
    public Task<StoredRow?> Completion => _completion.Task;

    public void Found(StoredRow row) => _completion.TrySetResult(row);

    public void Missing() => _completion.TrySetResult(null);

    public void Fail(Exception exception) => _completion.TrySetException(exception);
}
