using System.Runtime.CompilerServices;
using Cdm.Grains.Blocking.Rows;
using Cdm.Grains.Storage;
using Cdm.Silo.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using SystemTextJsonGrainStorageSerializer = Cdm.Silo.Storage.SystemTextJsonGrainStorageSerializer;

namespace Cdm.Postgres.Storage;

/// <summary>
/// Grain storage on PostgreSQL with group commit, for a cluster of silos: writes from all grains queue to a few
/// writers that commit many of them in one transaction and acknowledge each only after that commit; point reads
/// are grouped the same way, many in one statement. The same semantics as <see cref="SqliteGroupCommitGrainStorage"/>
/// (JSON states, versions as ETags, clears that keep the row); unlike it, no filter of stored keys: another silo
/// may write any key at any time, so only the database can say that a key was never written. Blocks of matching
/// (<see cref="IBlockStore"/>) are kept in tables of their own, written through the same writers and batches.
/// </summary>
public sealed partial class PostgresGroupCommitGrainStorage :
    IGrainStorage, IGrainStateEraser, IGrainStateScanner, IBlockStore, ILifecycleParticipant<ISiloLifecycle>, IAsyncDisposable
{
    private const int ScanPageSize = 256;

    private readonly PostgresGroupCommitOptions _options;
    private readonly IActivatorProvider _activatorProvider;
    private readonly ILogger<PostgresGroupCommitGrainStorage> _logger;
    private readonly SystemTextJsonGrainStorageSerializer _serializer;
    private readonly Lock _lifecycleLock = new();
    // Set once at start under the lock, read by grains on any thread.
    private volatile PostgresGroupCommitWriter? _writer;
    private volatile PostgresBatchedReader? _reader;
    private volatile NpgsqlDataSource? _reads;
    private NpgsqlDataSource? _writes;
    private Task? _stopping;

    public PostgresGroupCommitGrainStorage(
        string name,
        PostgresGroupCommitOptions options,
        IActivatorProvider activatorProvider,
        ILogger<PostgresGroupCommitGrainStorage> logger)
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

    /// <summary>The service id that partitions the rows of this storage.</summary>
    public string ServiceId => _options.ServiceId;

    /// <summary>Transactions committed so far; with group commit, fewer than <see cref="CommittedWrites"/>.</summary>
    public long CommittedBatches => _writer?.CommittedBatches ?? 0;

    /// <summary>Writes and clears committed so far, including those that failed their ETag check.</summary>
    public long CommittedWrites => _writer?.CommittedWrites ?? 0;

    /// <summary>Round trips of point reads so far; with batching, fewer than <see cref="Reads"/>.</summary>
    public long ReadBatches => _reader?.Batches ?? 0;

    /// <summary>Point reads (grain states and blocks) answered by the database so far.</summary>
    public long Reads => _reader?.Reads ?? 0;

    /// <summary>
    /// Creates the storage registered under <paramref name="name"/> from its named options; an empty service id
    /// takes the silo's <see cref="ClusterOptions.ServiceId"/>.
    /// </summary>
    public static PostgresGroupCommitGrainStorage Create(IServiceProvider services, string name)
    {
        var options = services.GetRequiredService<IOptionsMonitor<PostgresGroupCommitOptions>>().Get(name);
        if (string.IsNullOrWhiteSpace(options.ServiceId))
        {
            options.ServiceId = services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
        }

        return new(name, options, services.GetRequiredService<IActivatorProvider>(), services.GetRequiredService<ILogger<PostgresGroupCommitGrainStorage>>());
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"{nameof(PostgresGroupCommitGrainStorage)}-{Name}", ServiceLifecycleStage.ApplicationServices, StartAsync, StopAsync);

    /// <summary>Checks that the schema is there (it is the migrator's to create) and starts the writers and readers.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var reads = PostgresDataSources.ForReads(_options);
        var writes = PostgresDataSources.ForWrites(_options);
        try
        {
            var missing = await MissingTablesAsync(reads, cancellationToken).ConfigureAwait(false);
            if (missing.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The table{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} {(missing.Count > 1 ? "do" : "does")} not exist: " +
                    "apply the schema (Cdm.Postgres.Migrations.SchemaMigrator) before the silo starts.");
            }

            lock (_lifecycleLock)
            {
                ObjectDisposedException.ThrowIf(_stopping is not null, this);
                if (_writer is not null)
                {
                    throw new InvalidOperationException($"The grain storage '{Name}' is already started.");
                }

                var writer = new PostgresGroupCommitWriter(_options, _options.ServiceId, writes, _logger);
                var reader = new PostgresBatchedReader(_options, _options.ServiceId, reads);
                writer.Start();
                reader.Start();
                (_reads, _writes, _writer, _reader) = (reads, writes, writer, reader);
            }
        }
        catch
        {
            await reads.DisposeAsync().ConfigureAwait(false);
            await writes.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        // Server and database only: a connection string may hold a password.
        var target = new NpgsqlConnectionStringBuilder(_options.ConnectionString);
        LogStarted(Name, $"{target.Host}:{target.Port}/{target.Database}", _options.ServiceId, _options.WriterCount);
    }

    /// <summary>Takes no more writes or reads, commits and answers the queued ones, then closes every connection.</summary>
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
        var reader = Started().Reader;
        var row = await reader.ReadAsync(grainId.Type.ToString(), stateName, grainId.Key.ToString()).ConfigureAwait(false);
        // Deserialised here, on the caller, so the readers spend their time only on the database.
        var state = row?.Payload is { } payload ? _serializer.Deserialize<T>(payload) : default;
        grainState.State = state ?? CreateDefault<T>();
        grainState.ETag = row is null ? null : StateVersion.Format(row.Version);
        grainState.RecordExists = row?.Payload is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var writer = Started().Writer;
        // Serialised here, on the caller, so the writers spend their time only on the database.
        var payload = _serializer.SerializeToBytes(grainState.State);
        var write = new PendingWrite(
            PendingWriteKind.Write, grainId.Type.ToString(), grainId.Key.ToString(), stateName, grainState.ETag, GrainStateTypeName<T>.Value, payload);

        var etag = await writer.EnqueueAsync(write).ConfigureAwait(false);
        grainState.ETag = etag;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var writer = Started().Writer;
        var clear = new PendingWrite(
            PendingWriteKind.Clear, grainId.Type.ToString(), grainId.Key.ToString(), stateName, grainState.ETag, stateType: null, payload: null);

        var etag = await writer.EnqueueAsync(clear).ConfigureAwait(false);
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
        ArgumentNullException.ThrowIfNull(blockKey);
        // Grouped with the other point reads queued at the moment, grain states and blocks alike.
        return await Started().Reader.ReadBlockAsync(blockKey).ConfigureAwait(false);
    }

    public Task WriteBlocksAsync(IReadOnlyList<BlockRowChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var writer = Started().Writer;
        // Checked here, so that a malformed change fails its own call and not the batch it would have joined.
        foreach (var change in changes)
        {
            if (change.BlockKey is null || (change.Kind != BlockRowChangeKind.Cap && change.MemberId is null))
            {
                throw new ArgumentException($"A {change.Kind} of block {change.BlockKey ?? "<none>"} needs a block key and, unless a cap, a member id.", nameof(changes));
            }

            if (change.Kind == BlockRowChangeKind.Put && change.Features is null)
            {
                throw new ArgumentException($"A put of member {change.MemberId} in block {change.BlockKey} has no features.", nameof(changes));
            }
        }

        // Copied: the caller may reuse its list once the call returns.
        return changes.Count == 0 ? Task.CompletedTask : writer.EnqueueAsync(new PendingBlockWrite([.. changes]));
    }

    public async IAsyncEnumerable<(string GrainKey, T State)> ScanAsync<T>(
        string grainType,
        string stateName,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var reads = Started().Scans;
        string? afterKey = null;
        while (true)
        {
            var page = await ReadPageAsync<T>(reads, grainType, stateName, afterKey, cancellationToken).ConfigureAwait(false);
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

    private async Task<List<(string GrainKey, T State)>> ReadPageAsync<T>(
        NpgsqlDataSource reads, string grainType, string stateName, string? afterKey, CancellationToken cancellationToken)
    {
        await using var command = reads.CreateCommand(afterKey is null ? PostgresGrainStateSql.ScanFirstPage : PostgresGrainStateSql.ScanNextPage);
        command.Parameters.Add(Text(_options.ServiceId));
        command.Parameters.Add(Text(grainType));
        command.Parameters.Add(Text(stateName));
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = ScanPageSize });
        if (afterKey is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, TypedValue = afterKey });
        }

        var page = new List<(string, T)>(ScanPageSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            page.Add((reader.GetString(0), _serializer.Deserialize<T>(reader.GetFieldValue<byte[]>(1))!));
        }

        return page;
    }

    private static async Task<List<string>> MissingTablesAsync(NpgsqlDataSource reads, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        await using var check = reads.CreateCommand(PostgresGrainStateSql.MissingTables);
        await using var reader = await check.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            missing.Add(reader.GetString(0));
        }

        return missing;
    }

    private static NpgsqlParameter<string> Text(string value) => new() { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text, TypedValue = value };

    private async Task StopCoreAsync()
    {
        PostgresGroupCommitWriter? writer;
        PostgresBatchedReader? reader;
        NpgsqlDataSource? reads;
        NpgsqlDataSource? writes;
        lock (_lifecycleLock)
        {
            (writer, reader, reads, writes) = (_writer, _reader, _reads, _writes);
        }

        if (writer is not null)
        {
            await writer.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        if (reader is not null)
        {
            await reader.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }

        if (reads is not null)
        {
            await reads.DisposeAsync().ConfigureAwait(false);
        }

        if (writes is not null)
        {
            await writes.DisposeAsync().ConfigureAwait(false);
        }
    }

    private (PostgresGroupCommitWriter Writer, PostgresBatchedReader Reader, NpgsqlDataSource Scans) Started()
    {
        var (writer, reader, reads) = (_writer, _reader, _reads);
        if (writer is null || reader is null || reads is null)
        {
            throw new InvalidOperationException($"The grain storage '{Name}' has not been started.");
        }

        return (writer, reader, reads);
    }

    private T CreateDefault<T>() => _activatorProvider.GetActivator<T>().Create();

    [LoggerMessage(Level = LogLevel.Information, Message = "Grain storage {Name} started on PostgreSQL {Database} for service {ServiceId} with {WriterCount} writers")]
    private partial void LogStarted(string name, string database, string serviceId, int writerCount);
}
