using Microsoft.Data.Sqlite;

namespace Cdm.Silo.Storage;

/// <summary>
/// A unit of work queued for the writer thread: applied inside a batch transaction, and answered only after that
/// transaction committed (<see cref="Publish"/>) or failed (<see cref="Fail"/>).
/// </summary>
internal abstract class QueuedWrite
{
    /// <summary>Runs the statements inside the writer's open transaction, on the writer thread.</summary>
    public abstract void Apply(SqliteWriteCommands commands, string modifiedAt);

    /// <summary>Called after the batch committed.</summary>
    public abstract void Publish();

    /// <summary>Called when the batch did not commit.</summary>
    public abstract void Fail(Exception exception);
}
