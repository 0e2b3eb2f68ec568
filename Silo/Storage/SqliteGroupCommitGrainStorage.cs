using System.Runtime.CompilerServices;
using Cdm.Grains.Blocking.Rows;
using Cdm.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Cdm.Silo.Storage;

/// <summary>
/// Grain storage in one SQLite file with group commit: writes from all grains queue to a single writer that
/// commits many of them in one transaction (one fsync) and acknowledges each only after that commit. Orleans'
/// ADO.NET provider commits each write on its own, which caps throughput at one fsync per write.
/// </summary>
public sealed partial class SqliteGroupCommitGrainStorage :
    IGrainStorage, IGrainStateEraser, IGrainStateScanner, IBlockStore, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    private const int ScanPageSize = 256;

    // Block keys share the key filter with grain states, under a type no grain has.
    private const string BlockFilterType = "cdm_block";

    private readonly SqliteGroupCommitOptions _options;
    private readonly IActivatorProvider _activatorProvider;
    private readonly ILogger<SqliteGroupCommitGrainStorage> _logger;
    private readonly SystemTextJsonGrainStorageSerializer _serializer;
    private readonly Lock _lifecycleLock = new();
    // Set once at start under the lock, read by grains on any thread.
    private volatile SqliteGroupCommitWriter? _writer;
    private SqliteCheckpointer? _checkpointer;
    private StoredKeyFilter? _keys;
    private volatile SqliteReadConnectionPool? _readers;
    private Task? _stopping;

    public SqliteGroupCommitGrainStorage(
        string name,
        SqliteGroupCommitOptions options,
        IActivatorProvider activatorProvider,
        ILogger<SqliteGroupCommitGrainStorage> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Name = name;
        _options = options;
        _activatorProvider = activatorProvider;
        _logger = logger;
        _serializer = new SystemTextJsonGrainStorageSerializer(options.JsonSerializerOptions);
    }

    /// <summary>The provider name the storage is registered under.</summary>
    public string Name { get; }

    /// <summary>Transactions committed so far; with group commit, fewer than <see cref="CommittedWrites"/>.</summary>
    public long CommittedBatches => _writer?.CommittedBatches ?? 0;

    /// <summary>Writes and clears committed so far, including those that failed their ETag check.</summary>
    public long CommittedWrites => _writer?.CommittedWrites ?? 0;

    /// <summary>Passive checkpoints of the write-ahead log so far (<see cref="SqliteCheckpointer"/>).</summary>
    public long Checkpoints => _checkpointer?.Checkpoints ?? 0;

    /// <summary>Checkpoints that made the writer wait so the log could start over.</summary>
    public long WalRestarts => _checkpointer?.Restarts ?? 0;

    /// <summary>Creates the storage registered under <paramref name="name"/> from its named options.</summary>
    public static SqliteGroupCommitGrainStorage Create(IServiceProvider services, string name) => new(
        name,
        services.GetRequiredService<IOptionsMonitor<SqliteGroupCommitOptions>>().Get(name),
        services.GetRequiredService<IActivatorProvider>(),
        services.GetRequiredService<ILogger<SqliteGroupCommitGrainStorage>>());

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"{nameof(SqliteGroupCommitGrainStorage)}-{Name}", ServiceLifecycleStage.ApplicationServices, StartAsync, StopAsync);

    /// <summary>Opens the database, creates the tables when missing and starts the writer.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        lock (_lifecycleLock)
        {
            ObjectDisposedException.ThrowIf(_stopping is not null, this);
            if (_writer is not null)
            {
                return Task.CompletedTask;
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(_options.DatabasePath));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            var checkpointer = new SqliteCheckpointer(_options, _logger);
            var writer = new SqliteGroupCommitWriter(_options, _logger, checkpointer.Committed);
            writer.Start();
            try
            {
                checkpointer.Start();
            }
            catch
            {
                writer.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
                throw;
            }

            _checkpointer = checkpointer;
            _readers = new SqliteReadConnectionPool(_options);
            _keys = LoadKeyFilter();
            _writer = writer;
        }

        LogStarted(Name, _options.DatabasePath, _options.Synchronous);
        return Task.CompletedTask;
    }

    private StoredKeyFilter? LoadKeyFilter()
    {
        if (_options.KeyFilterBitsLog2 == 0)
        {
            return null;
        }

        var filter = new StoredKeyFilter(_options.KeyFilterBitsLog2);
        using var connection = new SqliteReadConnection(_options);
        connection.ForEachStoredKey(filter.Add);
        connection.ForEachBlockKey(key => filter.Add(BlockFilterType, key, string.Empty));
        return filter;
    }

    /// <summary>Takes no more writes, commits the queued ones, then closes every connection.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        Task stopping;
        lock (_lifecycleLock)
        {
            _stopping ??= StopCoreAsync();
            stopping = _stopping;
        }

        return stopping.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var readers = Started().Readers;
        var grainType = grainId.Type.ToString();
        var grainKey = grainId.Key.ToString();
        if (_keys?.MightContain(grainType, grainKey, stateName) == false)
        {
            // Never written: no query needed.
            grainState.State = CreateDefault<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
            return;
        }

        var (etag, state, exists) = await readers.RunAsync<(string? ETag, T? State, bool Exists)>(
            connection =>
            {
                if (!connection.TryReadState(grainType, grainKey, stateName, out var version, out var payload))
                {
                    return (null, default, false);
                }

                var etag = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return payload is null ? (etag, default, false) : (etag, _serializer.Deserialize<T>(payload), true);
            },
            CancellationToken.None);

        grainState.State = state ?? CreateDefault<T>();
        grainState.ETag = etag;
        grainState.RecordExists = exists;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var writer = Started().Writer;
        // Serialised here, on the caller, so the writer thread spends its time only on SQLite.
        var payload = _serializer.SerializeToBytes(grainState.State);
        var write = new PendingWrite(
            PendingWriteKind.Write, grainId.Type.ToString(), grainId.Key.ToString(), stateName, grainState.ETag, GrainStateTypeName<T>.Value, payload);
        // Before the write is queued, so that no read can miss a row once it may exist.
        _keys?.Add(write.GrainType, write.GrainKey, stateName);

        var etag = await writer.EnqueueAsync(write);
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var writer = Started().Writer;
        var clear = new PendingWrite(
            PendingWriteKind.Clear, grainId.Type.ToString(), grainId.Key.ToString(), stateName, grainState.ETag, stateType: null, payload: null);
        _keys?.Add(clear.GrainType, clear.GrainKey, stateName);

        var etag = await writer.EnqueueAsync(clear);
        grainState.ETag = etag;
        grainState.RecordExists = false;
        grainState.State = CreateDefault<T>();
    }

    public async Task EraseStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var writer = Started().Writer;
        var erase = new PendingWrite(
            PendingWriteKind.Erase, grainId.Type.ToString(), grainId.Key.ToString(), stateName, etag: null, stateType: null, payload: null);

        await writer.EnqueueAsync(erase).ConfigureAwait(false);
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = CreateDefault<T>();
    }

    public async Task<StoredBlockRows> ReadBlockAsync(string blockKey)
    {
        var readers = Started().Readers;
        if (_keys?.MightContain(BlockFilterType, blockKey, string.Empty) == false)
        {
            return StoredBlockRows.Empty;
        }

        var (overCap, members) = await readers.RunAsync(connection => connection.ReadBlock(blockKey), CancellationToken.None);
        return overCap || members.Count > 0 ? new StoredBlockRows(overCap, members) : StoredBlockRows.Empty;
    }

    public Task WriteBlocksAsync(IReadOnlyList<BlockRowChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var writer = Started().Writer;
        foreach (var change in changes)
        {
            if (change.Kind != BlockRowChangeKind.Delete)
            {
                _keys?.Add(BlockFilterType, change.BlockKey, string.Empty);
            }
        }

        return writer.EnqueueAsync(new BlockRowsWrite(changes));
    }

    public async IAsyncEnumerable<(string GrainKey, T State)> ScanAsync<T>(
        string grainType,
        string stateName,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var readers = Started().Readers;
        string? afterKey = null;
        while (true)
        {
            // A page takes milliseconds: read it off the caller's thread (point reads stay inline).
            var after = afterKey;
            var page = await Task.Run(
                () => readers.RunAsync(
                    connection => connection.ReadPage(grainType, stateName, after, ScanPageSize)
                        .ConvertAll(row => (row.GrainKey, State: _serializer.Deserialize<T>(row.Payload)!)),
                    cancellationToken),
                cancellationToken).ConfigureAwait(false);

            foreach (var item in page)
            {
                yield return item;
            }

            if (page.Count < ScanPageSize)
            {
                yield break;
            }

            afterKey = page[^1].GrainKey;
        }
    }

    private async Task StopCoreAsync()
    {
        SqliteGroupCommitWriter? writer;
        SqliteCheckpointer? checkpointer;
        SqliteReadConnectionPool? readers;
        lock (_lifecycleLock)
        {
            writer = _writer;
            checkpointer = _checkpointer;
            readers = _readers;
        }

        // The writer's last batches need no checkpointer: SQLite copies what is left of the log as its last connection closes.
        if (checkpointer is not null)
        {
            await checkpointer.StopAsync().ConfigureAwait(false);
        }

        if (writer is not null)
        {
            await writer.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        if (readers is not null)
        {
            await readers.CloseAsync().ConfigureAwait(false);
        }
    }

    private (SqliteGroupCommitWriter Writer, SqliteReadConnectionPool Readers) Started()
    {
        var writer = _writer;
        var readers = _readers;
        if (writer is null || readers is null)
        {
            throw new InvalidOperationException($"The grain storage '{Name}' has not been started.");
        }

        return (writer, readers);
    }

    private T CreateDefault<T>() => _activatorProvider.GetActivator<T>().Create();

    [LoggerMessage(Level = LogLevel.Information, Message = "Grain storage {Name} started on {DatabasePath} with synchronous={Synchronous}")]
    private partial void LogStarted(string name, string databasePath, SqliteSynchronousMode synchronous);
}
