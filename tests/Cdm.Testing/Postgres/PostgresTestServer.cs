using System.Diagnostics;
using Npgsql;

namespace Cdm.Testing.Postgres;

/// <summary>
/// A real PostgreSQL server for tests. When <c>CDM_TEST_POSTGRES</c> holds a connection string (CI starts a
/// server and sets it), that server is used; otherwise one is started from Debian's packages with
/// <c>deploy/postgres-temp.sh</c> in a temporary directory and stopped when the test process ends. Each
/// caller gets a database of its own from <see cref="CreateDatabaseAsync"/>, so tests never share rows.
/// </summary>
public static class PostgresTestServer
{
    public const string ConnectionStringVariable = "CDM_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> Server = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>A connection string to the server's maintenance database (a superuser that may create databases).</summary>
    public static Task<string> GetServerConnectionStringAsync() => Server.Value;

    /// <summary>Creates an empty database named after <paramref name="purpose"/> and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var server = new NpgsqlConnectionStringBuilder(await Server.Value);
        // At most 4 + 20 + 1 + 32 = 57 characters: PostgreSQL names stop at 63.
        var name = $"cdm_{Sanitise(purpose)}_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        server.Database = name;
        return server.ConnectionString;
    }

    private static string Sanitise(string purpose)
    {
        var letters = new string(purpose.ToLowerInvariant().Where(c => c is >= 'a' and <= 'z' or >= '0' and <= '9').ToArray());
        return letters.Length > 20 ? letters[..20] : letters;
    }

    private static async Task<string> StartAsync()
    {
        var given = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given;
        }

        var script = Path.Combine(RepositoryRoot(), "deploy", "postgres-temp.sh");
        var directory = Path.Combine(Path.GetTempPath(), "cdm-test-pg-" + Guid.NewGuid().ToString("N"));
        var connectionString = (await RunScriptAsync(script, "start", directory)).Trim();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                RunScriptAsync(script, "stop", directory).GetAwaiter().GetResult();
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception)
            {
                // The test run is over; a server left behind in a temporary directory harms nothing.
            }
        };
        return connectionString;
    }

    private static async Task<string> RunScriptAsync(string script, string command, string directory)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(command);
        start.ArgumentList.Add(directory);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{script} {command} failed ({process.ExitCode}): {await error}. Install Debian's postgresql package or set {ConnectionStringVariable}.");
        }

        return await output;
    }

    /// <summary>The checkout's root: the nearest directory above the test binaries that holds the solution file.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CdmOrleans.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CdmOrleans.sln not found above " + AppContext.BaseDirectory);
    }
}
