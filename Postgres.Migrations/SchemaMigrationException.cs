namespace Cdm.Postgres.Migrations;

/// <summary>
/// A schema step that cannot be applied: it failed on the server (the inner exception says why), or it was applied
/// before from different SQL. Either way nothing of the run was committed.
/// </summary>
public sealed class SchemaMigrationException(SchemaMigration step, string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The step at fault.</summary>
    public SchemaMigration Step { get; } = step;
}
