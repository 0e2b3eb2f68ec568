using Cdm.Silo.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Cdm.Postgres.Storage;

/// <summary>
/// Applies queued writes in one round trip: one <see cref="NpgsqlBatch"/> outside an explicit transaction, which
/// PostgreSQL runs as one implicit transaction committed at the batch's end (its Sync). If any statement fails,
/// none of them commits. A statement that finds another version than the write expected changes nothing and
/// returns no row, and that write alone is marked conflicting. The batch's block changes follow the grain-state
/// writes as up to three more statements of the same transaction.
/// </summary>
internal static class PostgresWriteBatch
{
    /// <summary>
    /// Runs <paramref name="writes"/> and records each outcome on it; returns once the batch is committed (the
    /// reader has seen the server's ReadyForQuery after the commit). Throws, with nothing committed, when the batch
    /// failed. Returns the conflicting writes whose stored version is not known yet.
    /// </summary>
    public static async Task<List<PendingWrite>> CommitAsync(
        NpgsqlConnection connection, string serviceId, IReadOnlyList<PendingWrite> writes, BlockBatchChanges blocks, CancellationToken cancellationToken)
    {
        var unknownStored = new List<PendingWrite>();
        await using var batch = new NpgsqlBatch(connection);
        var sent = new List<PendingWrite>(writes.Count);
        foreach (var write in writes)
        {
            if (CreateCommand(serviceId, write) is { } command)
            {
                batch.BatchCommands.Add(command);
                sent.Add(write);
            }
            else
            {
                // An ETag that is not a version cannot match any row.
                write.Conflicted(null);
                unknownStored.Add(write);
            }
        }

        // After the grain-state statements, whose results are read by position; the block statements return no rows.
        AddBlockCommands(batch, serviceId, blocks);
        if (batch.BatchCommands.Count == 0)
        {
            return unknownStored;
        }

        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < sent.Count; i++)
            {
                if (i > 0)
                {
                    await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
                }

                var write = sent[i];
                var found = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                if (write.Kind == PendingWriteKind.Erase)
                {
                    write.Succeeded(null);
                }
                else if (IsClearWithoutETag(write))
                {
                    // The grain believes there is no state: fine if there is none or it is already cleared.
                    if (!found)
                    {
                        write.Succeeded(null);
                    }
                    else if (reader.GetBoolean(1))
                    {
                        write.Succeeded(StateVersion.Format(reader.GetInt64(0)));
                    }
                    else
                    {
                        write.Conflicted(StateVersion.Format(reader.GetInt64(0)));
                    }
                }
                else if (found)
                {
                    write.Succeeded(StateVersion.Format(reader.GetInt64(0)));
                }
                else
                {
                    write.Conflicted(null);
                    unknownStored.Add(write);
                }
            }

            // Reads to the end of the batch: past the commit, so an error in committing surfaces here.
            while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
            {
            }
        }

        return unknownStored;
    }

    /// <summary>
    /// Fills in the stored version of conflicting writes, for their exceptions. Read after the commit (conflicts
    /// are rare, and the batch needs no second round trip for them), so it is the version as of now.
    /// </summary>
    public static async Task ReadStoredVersionsAsync(
        NpgsqlConnection connection, string serviceId, IReadOnlyList<PendingWrite> conflicts, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var write in conflicts)
        {
            batch.BatchCommands.Add(KeyCommand(PostgresGrainStateSql.SelectVersion, serviceId, write));
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < conflicts.Count; i++)
        {
            if (i > 0)
            {
                await reader.NextResultAsync(cancellationToken).ConfigureAwait(false);
            }

            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                conflicts[i].Conflicted(StateVersion.Format(reader.GetInt64(0)));
            }
        }
    }

    private static void AddBlockCommands(NpgsqlBatch batch, string serviceId, BlockBatchChanges blocks)
    {
        if (blocks.PutBlockKeys.Length > 0)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(PostgresBlockSql.PutMembers)
            {
                Parameters =
                {
                    Text(serviceId),
                    TextArray(blocks.PutBlockKeys),
                    TextArray(blocks.PutMemberIds),
                    new NpgsqlParameter<byte[][]> { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea, TypedValue = blocks.PutFeatures },
                },
            });
        }

        if (blocks.DeleteBlockKeys.Length > 0)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(PostgresBlockSql.DeleteMembers)
            {
                Parameters = { Text(serviceId), TextArray(blocks.DeleteBlockKeys), TextArray(blocks.DeleteMemberIds) },
            });
        }

        if (blocks.CappedBlockKeys.Length > 0)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(PostgresBlockSql.Cap)
            {
                Parameters = { Text(serviceId), TextArray(blocks.CappedBlockKeys) },
            });
        }
    }

    private static bool IsClearWithoutETag(PendingWrite write) => write.Kind == PendingWriteKind.Clear && write.ETag is null;

    private static NpgsqlBatchCommand? CreateCommand(string serviceId, PendingWrite write)
    {
        if (write.Kind == PendingWriteKind.Erase)
        {
            return KeyCommand(PostgresGrainStateSql.Erase, serviceId, write);
        }

        if (write.Kind == PendingWriteKind.Write && write.ETag is null)
        {
            return WithState(KeyCommand(PostgresGrainStateSql.Insert, serviceId, write), write);
        }

        if (IsClearWithoutETag(write))
        {
            return KeyCommand(PostgresGrainStateSql.SelectVersion, serviceId, write);
        }

        if (!StateVersion.TryParse(write.ETag!, out var expected))
        {
            return null;
        }

        if (write.Kind == PendingWriteKind.Write)
        {
            var update = WithState(KeyCommand(PostgresGrainStateSql.Update, serviceId, write), write);
            update.Parameters.Add(new NpgsqlParameter<long> { TypedValue = expected });
            return update;
        }

        var clear = KeyCommand(PostgresGrainStateSql.Clear, serviceId, write);
        clear.Parameters.Add(new NpgsqlParameter<long> { TypedValue = expected });
        return clear;
    }

    private static NpgsqlBatchCommand KeyCommand(string sql, string serviceId, PendingWrite write) => new(sql)
    {
        Parameters =
        {
            Text(serviceId),
            Text(write.GrainType),
            Text(write.StateName),
            Text(write.GrainKey),
        },
    };

    private static NpgsqlBatchCommand WithState(NpgsqlBatchCommand command, PendingWrite write)
    {
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = (object?)write.StateType ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bytea, Value = (object?)write.Payload ?? DBNull.Value });
        return command;
    }

    private static NpgsqlParameter<string> Text(string value) => new() { NpgsqlDbType = NpgsqlDbType.Text, TypedValue = value };

    private static NpgsqlParameter<string[]> TextArray(string[] values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, TypedValue = values };
}
