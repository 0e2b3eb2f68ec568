using System.Diagnostics;
using Cdm.Silo.Storage;
using Microsoft.Data.Sqlite;

namespace Cdm.UnitTests.Storage;

/// <summary>
/// The write-ahead log is copied into the database file by the checkpointer, never by the writer, and a log that
/// outgrows its limit is started over. What reached the database file is read from a copy of that file alone: a
/// copy without the log holds only checkpointed pages.
/// </summary>
public sealed class SqliteCheckpointerTests : IDisposable
{
    private const string StateName = "profile";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Checkpointer_CopiesCommittedStates_IntoTheDatabaseFile()
    {
        await using var storage = await TestStorages.StartAsync(_database, o => o.CheckpointInterval = TimeSpan.FromMilliseconds(10));
        var grains = await WriteAsync(storage, "copied", count: 200, nameLength: 100);

        var copied = await PollAsync(() =>
        {
            var names = ReadDatabaseFileAlone(grains);
            return names.Count == grains.Count ? names : null;
        });

        Assert.True(copied is not null, $"the database file alone never held the {grains.Count} states (checkpoints: {storage.Checkpoints})");
        Assert.True(copied.SetEquals(grains.Select(g => g.Key.ToString())), "the database file holds other keys than those written");
        Assert.True(storage.Checkpoints > 0, "expected the checkpointer to have run");
    }

    [Fact]
    public async Task Writer_LeavesTheLogAlone_UntilTheCheckpointerRuns()
    {
        // Far more pages than SQLite's automatic checkpoint would let pile up (1,000), and a checkpointer that waits.
        await using var storage = await TestStorages.StartAsync(_database, o => o.CheckpointInterval = TimeSpan.FromHours(1));
        var grains = await WriteAsync(storage, "logged", count: 600, nameLength: 8_000);

        Assert.Empty(ReadDatabaseFileAlone(grains));
        Assert.True(new FileInfo(_database.DatabasePath + "-wal").Length > 4_000_000, "expected the states to be in the log");
        Assert.Equal(0, storage.Checkpoints);
        foreach (var grain in grains.Take(5))
        {
            Assert.Equal(grain.Key.ToString(), await ReadNameAsync(storage, grain));
        }
    }

    [Fact]
    public async Task LogOverItsLimit_StartsOver_AndLosesNothing()
    {
        void Configure(SqliteGroupCommitOptions o)
        {
            o.CheckpointInterval = TimeSpan.Zero;
            o.MaxWalMegabytes = 1;
            o.MaxBatchSize = 16;
        }

        List<GrainId> grains;
        await using (var storage = await TestStorages.StartAsync(_database, Configure))
        {
            // About 6 MiB in batches of at most 16 states: the log passes its 1 MiB limit again and again.
            grains = await WriteAsync(storage, "restarted", count: 1_500, nameLength: 4_000, sequentialBatches: 30);
            var restarted = await PollAsync(() => storage.WalRestarts > 0 ? (object)true : null);
            Assert.True(restarted is not null, $"the log was never started over ({storage.Checkpoints} checkpoints)");

            // Once the log is copied, the next commit writes it from its start and cuts the file back to the limit.
            var walFile = new FileInfo(_database.DatabasePath + "-wal");
            var small = 0;
            var cutBack = await PollAsync(() =>
            {
                storage.WriteStateAsync(StateName, GrainId.Create("cdm-test", $"small-{small++}"), new GrainState<TestState>(new TestState { Name = "s" }))
                    .GetAwaiter().GetResult();
                walFile.Refresh();
                return walFile.Length <= 1024 * 1024 + 64 * 1024 ? (object)true : null;
            });
            Assert.True(cutBack is not null, $"the log kept {walFile.Length} bytes");
        }

        await using var reopened = await TestStorages.StartAsync(_database);
        foreach (var grain in grains)
        {
            Assert.Equal(grain.Key.ToString(), await ReadNameAsync(reopened, grain));
        }
    }

    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(64, 0, 0)]
    [InlineData(64, 256, -1)]
    public void Options_OutOfRange_AreRefused(int cacheMegabytes, int maxWalMegabytes, int intervalMilliseconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TestStorages.Create(_database, o =>
        {
            o.WriterCacheMegabytes = cacheMegabytes;
            o.MaxWalMegabytes = maxWalMegabytes;
            o.CheckpointInterval = TimeSpan.FromMilliseconds(intervalMilliseconds);
        }));

    private static async Task<List<GrainId>> WriteAsync(
        SqliteGroupCommitGrainStorage storage, string prefix, int count, int nameLength, int sequentialBatches = 1)
    {
        var grains = Enumerable.Range(0, count).Select(i => GrainId.Create("cdm-test", $"{prefix}-{i}")).ToList();
        foreach (var chunk in grains.Chunk(Math.Max(1, count / sequentialBatches)))
        {
            await Task.WhenAll(chunk.Select(g => storage.WriteStateAsync(
                StateName, g, new GrainState<TestState>(new TestState { Name = NameOf(g, nameLength) }))));
        }

        return grains;
    }

    /// <summary>The states of <paramref name="grains"/> found in a copy of the database file without its log.</summary>
    private HashSet<string> ReadDatabaseFileAlone(IReadOnlyCollection<GrainId> grains)
    {
        var copy = Path.Combine(_database.Folder, $"alone-{Guid.NewGuid():N}.db");
        File.Copy(_database.DatabasePath, copy);
        var found = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT grain_key FROM cdm_grain_state WHERE state_name = $state";
            command.Parameters.AddWithValue("$state", StateName);
            var wanted = grains.Select(g => g.Key.ToString()).ToHashSet(StringComparer.Ordinal);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var key = reader.GetString(0);
                if (wanted.Contains(key))
                {
                    found.Add(key);
                }
            }
        }
        catch (SqliteException)
        {
            // A copy taken while a checkpoint writes the file may be torn; the caller polls again.
            return [];
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(copy);
        }

        return found;
    }

    private static async Task<T?> PollAsync<T>(Func<T?> probe) where T : class
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Deadline)
        {
            if (probe() is { } result)
            {
                return result;
            }

            await Task.Delay(20);
        }

        return probe();
    }

    /// <summary>A name that starts with the grain's key, padded to make the stored state <paramref name="length"/> long.</summary>
    private static string NameOf(GrainId grain, int length) => grain.Key.ToString().PadRight(length, '.');

    private static async Task<string> ReadNameAsync(SqliteGroupCommitGrainStorage storage, GrainId grain)
    {
        var state = new GrainState<TestState>();
        await storage.ReadStateAsync(StateName, grain, state);
        return state.State!.Name.TrimEnd('.');
    }
}
