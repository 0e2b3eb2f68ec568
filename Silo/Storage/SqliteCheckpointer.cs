using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Cdm.Silo.Storage;

/// <summary>
/// Copies committed pages from the write-ahead log into the database file on a thread and connection of its own.
/// SQLite's automatic checkpoint runs on the committing connection every 1,000 pages: under load that was every
/// batch, and the single writer spent about half its time copying pages and syncing the database file instead of
/// committing. Here the writer only appends to the log, and a page written by many batches is copied once.
/// A passive checkpoint never blocks the writer, but while the writer keeps appending the log cannot start over;
/// once it holds more than <see cref="SqliteGroupCommitOptions.MaxWalMegabytes"/>, a restarting checkpoint makes
/// the writer wait for the last pages to be copied, and the log is reused from its start.
/// </summary>
internal sealed partial class SqliteCheckpointer
{
    private readonly SqliteGroupCommitOptions _options;
    private readonly ILogger _logger;
    private readonly ManualResetEventSlim _committed = new(false, spinCount: 0);
    private readonly ManualResetEventSlim _stopping = new(false, spinCount: 0);
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Thread _thread;
    private readonly long _restartBytes;
    private SqliteConnection? _connection;
    private long _checkpoints;
    private long _restarts;

    public SqliteCheckpointer(SqliteGroupCommitOptions options, ILogger logger)
    {
        _options = options;
        _logger = logger;
        _thread = new Thread(Run) { IsBackground = true, Name = "cdm-sqlite-checkpointer" };
        _restartBytes = options.MaxWalMegabytes * 1024L * 1024L;
    }

    /// <summary>Passive checkpoints run so far.</summary>
    public long Checkpoints => Interlocked.Read(ref _checkpoints);

    /// <summary>Checkpoints that made the writer wait so that the log could start over.</summary>
    public long Restarts => Interlocked.Read(ref _restarts);

    /// <summary>Opens the connection and starts the thread; the database and its tables must exist.</summary>
    public void Start()
    {
        _connection = SqliteConnectionFactory.OpenCheckpointer(_options);
        _thread.Start();
    }

    /// <summary>Tells the checkpointer that the log has grown; called by the writer after each commit.</summary>
    public void Committed() => _committed.Set();

    /// <summary>Stops after the checkpoint under way, if any, and closes the connection.</summary>
    public Task StopAsync()
    {
        _stopping.Set();
        _committed.Set();
        return _stopped.Task;
    }

    private void Run()
    {
        try
        {
            var pageSize = (long)Scalar("PRAGMA page_size");
            var restartFrames = Math.Max(1, _restartBytes / Math.Max(1, pageSize));
            while (true)
            {
                _committed.Wait();
                // Commits arriving while this one waits or runs set the event again: none is missed.
                _committed.Reset();
                if (_stopping.Wait(_options.CheckpointInterval))
                {
                    return;
                }

                Checkpoint(restartFrames);
            }
        }
        catch (Exception exception)
        {
            // The writer goes on without it; SQLite then checkpoints when the last connection closes.
            LogCheckpointerFailed(exception);
        }
        finally
        {
            _connection?.Dispose();
            _connection = null;
            _stopped.TrySetResult();
        }
    }

    private void Checkpoint(long restartFrames)
    {
        try
        {
            var (_, logFrames, _) = WalCheckpoint("PASSIVE");
            Interlocked.Increment(ref _checkpoints);
            if (logFrames >= restartFrames)
            {
                WalCheckpoint("RESTART");
                Interlocked.Increment(ref _restarts);
            }
        }
        catch (SqliteException exception)
        {
            // A busy reader or a full disk: the log keeps the pages and the next round tries again.
            LogCheckpointFailed(exception);
        }
    }

    private (bool Busy, long LogFrames, long CheckpointedFrames) WalCheckpoint(string mode)
    {
        using var command = _connection!.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode})";
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0) != 0, reader.GetInt64(1), reader.GetInt64(2)) : (false, 0, 0);
    }

    private object Scalar(string sql)
    {
        using var command = _connection!.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar() ?? throw new InvalidOperationException($"'{sql}' returned nothing.");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A checkpoint of the grain state log failed; the next one retries")]
    private partial void LogCheckpointFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The grain state checkpointer stopped; the log is checkpointed when the storage stops")]
    private partial void LogCheckpointerFailed(Exception exception);
}
