using Npgsql;

namespace Cdm.Bench.Load;

/// <summary>Names a PostgreSQL database for a report without its credentials.</summary>
public static class PostgresTarget
{
    public static string Describe(string connectionString)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{settings.Host}:{settings.Port}/{settings.Database}";
    }
}
