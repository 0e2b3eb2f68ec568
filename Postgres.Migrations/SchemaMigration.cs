using System.Security.Cryptography;
using System.Text;

namespace Cdm.Postgres.Migrations;

/// <summary>One step of the PostgreSQL schema: a version number, a name and the SQL that takes the schema there.</summary>
public sealed record SchemaMigration(int Version, string Name, string Sql)
{
    /// <summary>The file the step ships as, without <c>.sql</c>: <c>0001-orleans-query-table</c>.</summary>
    public string FileName => $"{Version:D4}-{Name}";

    /// <summary>SHA-256 of the SQL (line endings folded): an applied step whose file later changed is refused, not run again.</summary>
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}
