using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Cdm.Postgres.Migrations;

/// <summary>
/// The schema steps shipped under <c>deploy/sql/postgresql</c>, embedded in this assembly. A file is named
/// <c>NNNN-what-it-does.sql</c>; the number is its version, and versions only ever grow.
/// </summary>
public static partial class EmbeddedMigrations
{
    private const string Prefix = "Cdm.Postgres.Migrations.";

    public static IReadOnlyList<SchemaMigration> Load()
    {
        var assembly = typeof(EmbeddedMigrations).Assembly;
        var migrations = new List<SchemaMigration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(static n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var fileName = resource[Prefix.Length..];
            var match = FileNamePattern().Match(fileName);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Schema file '{fileName}' is not named NNNN-name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new SchemaMigration(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd()));
        }

        migrations.Sort(static (a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < migrations.Count; i++)
        {
            if (migrations[i].Version == migrations[i - 1].Version)
            {
                throw new InvalidOperationException($"Two schema files have version {migrations[i].Version}.");
            }
        }

        return migrations;
    }

    [GeneratedRegex(@"^(\d{4})-([a-z0-9-]+)\.sql$")]
    private static partial Regex FileNamePattern();
}
