namespace Cdm.Postgres.Migrations;

/// <summary>What a migration run found and did: the versions applied now, and the schema's version after it.</summary>
public sealed record MigrationReport(IReadOnlyList<SchemaMigration> Applied, int SchemaVersion, int LatestVersion)
{
    public bool UpToDate => SchemaVersion == LatestVersion;
}
