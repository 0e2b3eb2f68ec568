namespace Cdm.Postgres.Storage;

/// <summary>
/// The statements of <see cref="PostgresGroupCommitGrainStorage"/> on <c>cdm_grain_state</c>
/// (<c>deploy/sql/postgresql/0005-cdm-grain-state.sql</c>). Parameters $1 to $4 are always the row's key.
/// None of the writes can raise on an ETag mismatch: they change no row and return nothing instead, so a
/// conflicting write fails alone and the rest of its batch commits.
/// </summary>
internal static class PostgresGrainStateSql
{
    private const string KeyMatch = "service_id = $1 AND grain_type = $2 AND state_name = $3 AND grain_key = $4";

    /// <summary>A write without an ETag may create the row, or refill a cleared one, but never overwrite a live state.</summary>
    public const string Insert = """
        INSERT INTO cdm_grain_state AS s (service_id, grain_type, state_name, grain_key, version, state_type, payload, modified_at)
        VALUES ($1, $2, $3, $4, 1, $5, $6, now())
        ON CONFLICT (service_id, grain_type, state_name, grain_key) DO UPDATE SET
            version = s.version + 1, state_type = excluded.state_type, payload = excluded.payload, modified_at = excluded.modified_at
        WHERE s.payload IS NULL
        RETURNING version
        """;

    /// <summary>A write with an ETag: only when the stored version is still that ETag ($7).</summary>
    public const string Update = $"""
        UPDATE cdm_grain_state SET version = version + 1, state_type = $5, payload = $6, modified_at = now()
        WHERE {KeyMatch} AND version = $7
        RETURNING version
        """;

    /// <summary>Clearing keeps the row and bumps its version ($5 is the ETag): a stale ETag can never match again.</summary>
    public const string Clear = $"""
        UPDATE cdm_grain_state SET version = version + 1, state_type = NULL, payload = NULL, modified_at = now()
        WHERE {KeyMatch} AND version = $5
        RETURNING version
        """;

    /// <summary>Erasure: the row goes whatever its version, because its key may itself be personal data. Returns no row.</summary>
    public const string Erase = $"DELETE FROM cdm_grain_state WHERE {KeyMatch}";

    /// <summary>The stored version, and whether the row is cleared; used for clears without an ETag and conflicts.</summary>
    public const string SelectVersion = $"SELECT version, payload IS NULL FROM cdm_grain_state WHERE {KeyMatch}";

    /// <summary>
    /// Many point reads in one statement: the rows of service $1 whose (grain type, state name, grain key) are the
    /// elements of the arrays $2, $3 and $4, each with its position (from 1) in the arrays. One index probe per key.
    /// </summary>
    public const string SelectMany = """
        SELECT k.position, s.version, s.payload
        FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS k(grain_type, state_name, grain_key, position)
        JOIN cdm_grain_state s
            ON s.service_id = $1 AND s.grain_type = k.grain_type AND s.state_name = k.state_name AND s.grain_key = k.grain_key
        """;

    /// <summary>
    /// The first page of a scan: live states in key order, at most $4. Keyset paging along the primary key: each
    /// page is a short query, so a scan holds neither a snapshot nor a connection between pages.
    /// </summary>
    public const string ScanFirstPage = """
        SELECT grain_key, payload FROM cdm_grain_state
        WHERE service_id = $1 AND grain_type = $2 AND state_name = $3 AND payload IS NOT NULL
        ORDER BY grain_key
        LIMIT $4
        """;

    /// <summary>The next page of a scan: as <see cref="ScanFirstPage"/>, after the key $5.</summary>
    public const string ScanNextPage = """
        SELECT grain_key, payload FROM cdm_grain_state
        WHERE service_id = $1 AND grain_type = $2 AND state_name = $3 AND grain_key > $5 AND payload IS NOT NULL
        ORDER BY grain_key
        LIMIT $4
        """;

    /// <summary>
    /// Which of the storage's tables (this one, and the block tables of <see cref="PostgresBlockSql"/>) do not exist,
    /// checked at start so a missing migration fails there and not on the first write.
    /// </summary>
    public const string MissingTables = """
        SELECT n.name FROM unnest(ARRAY['cdm_grain_state', 'cdm_block_member', 'cdm_block']) WITH ORDINALITY AS n(name, position)
        WHERE to_regclass(n.name) IS NULL
        ORDER BY n.position
        """;
}
