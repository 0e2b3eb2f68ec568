using Cdm.Bench.Load;
using Cdm.Testing.Postgres;
using Npgsql;

namespace Cdm.Bench.Tests.Load;

public sealed class PostgresCeilingTests
{
    [Fact]
    public async Task MeasureAsync_GivesPositiveRates_AndDropsItsScratchTable()
    {
        var database = await PostgresTestServer.CreateDatabaseAsync("bench ceiling");

        var one = await PostgresCeiling.MeasureAsync(database, 1, TimeSpan.FromMilliseconds(200), CancellationToken.None);
        var many = await PostgresCeiling.MeasureAsync(database, 8, TimeSpan.FromMilliseconds(200), CancellationToken.None);

        foreach (var figure in new[] { one, many })
        {
            Assert.True(figure.Error is null, $"{figure.Writers} writer(s) failed: {figure.Error}");
            Assert.True(figure.Rows > 0 && figure.RowsPerSecond > 0, $"{figure.Writers} writer(s): {figure.Rows} rows, {figure.RowsPerSecond}/s");
        }

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var tables = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        Assert.Equal(0L, (long)(await tables.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task MeasureAsync_OnAnUnreachableServer_ReportsTheError()
    {
        var figure = await PostgresCeiling.MeasureAsync("Host=127.0.0.1;Port=1;Username=none;Timeout=2", 1, TimeSpan.FromMilliseconds(100), CancellationToken.None);

        Assert.NotNull(figure.Error);
        Assert.Equal(0, figure.Rows);
    }

    [Fact]
    public void Report_HasARatioPerPostgresFigure()
    {
        var report = new BenchReport
        {
            Gateway = "g",
            Input = "i",
            Warmup = 0,
            Streams = 1,
            InFlightPerStream = 1,
            Ingest = new IngestFigures(10, 10, 1, 1_500, 1_500, 1, 1, 1, 1, new Dictionary<string, long>(), 0, 0, null),
            Postgres = [new PostgresFigure(1, 3_000, 1, 3_000, null), new PostgresFigure(64, 6_000, 1, 6_000, null)],
        };

        Assert.Equal(0.5, report.Ratios["records_per_postgres_upsert_w1"], 6);
        Assert.Equal(0.25, report.Ratios["records_per_postgres_upsert_w64"], 6);
        Assert.Equal("db.example:5433/cdm", PostgresTarget.Describe("Host=db.example;Port=5433;Database=cdm;Password=secret"));
    }
}
