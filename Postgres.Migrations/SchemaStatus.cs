namespace Cdm.Postgres.Migrations;

/// <summary>
/// Where a database stands against the steps this build ships: its recorded version, the steps still to apply,
/// and applied steps whose SQL has since been edited (which a migration run refuses).
/// </summary>
public sealed record SchemaStatus(int SchemaVersion, int LatestVersion, IReadOnlyList<SchemaMigration> Pending, IReadOnlyList<SchemaMigration> Edited)
{
    public bool UpToDate => Pending.Count == 0 && Edited.Count == 0;
}
