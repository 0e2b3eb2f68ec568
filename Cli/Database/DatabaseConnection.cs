using Npgsql;

namespace Cdm.Cli.Database;

/// <summary>The PostgreSQL database of a cluster, as the <c>db</c> commands are given it.</summary>
public static class DatabaseConnection
{
    public const string EnvironmentVariable = "CDM_POSTGRES";

    /// <summary>The connection string to use when <c>--connection</c> is not given, or null.</summary>
    public static string? DefaultFromEnvironment() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    /// <summary>Why <paramref name="connectionString"/> cannot be used, or null when Npgsql accepts it.</summary>
    public static string? Problem(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return $"give --connection or set {EnvironmentVariable} to an Npgsql connection string";
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            return $"--connection is not an Npgsql connection string: {e.Message}";
        }
    }

    /// <summary>Where the string points, for messages: host, port and database, never the password.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}";
    }
}
