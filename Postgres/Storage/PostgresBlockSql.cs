namespace Cdm.Postgres.Storage;

/// <summary>
/// The statements of <see cref="PostgresGroupCommitGrainStorage"/> on <c>cdm_block_member</c> and <c>cdm_block</c>
/// (<c>deploy/sql/postgresql/0006-cdm-block.sql</c>). $1 is always the service id. The writes take arrays, so that
/// all the block changes of a batch are three statements at most, however many there are.
/// </summary>
internal static class PostgresBlockSql
{
    /// <summary>
    /// Many block reads in one statement (one snapshot): for the blocks whose keys are the elements of $2, a row with
    /// the over-cap flag of each block that has one, and a row per member, each with its block's position (from 1)
    /// in the array. One index range per block and table.
    /// </summary>
    public const string SelectMany = """
        SELECT k.position, NULL::text, NULL::bytea, b.over_cap
        FROM unnest($2::text[]) WITH ORDINALITY AS k(block_key, position)
        JOIN cdm_block b ON b.service_id = $1 AND b.block_key = k.block_key
        UNION ALL
        SELECT k.position, m.member_id, m.features, NULL::boolean
        FROM unnest($2::text[]) WITH ORDINALITY AS k(block_key, position)
        JOIN cdm_block_member m ON m.service_id = $1 AND m.block_key = k.block_key
        """;

    /// <summary>Adds members or replaces their features: the elements of $2 (block keys), $3 (member ids) and $4 (features), no key twice.</summary>
    public const string PutMembers = """
        INSERT INTO cdm_block_member AS m (service_id, block_key, member_id, features)
        SELECT $1, k.block_key, k.member_id, k.features
        FROM unnest($2::text[], $3::text[], $4::bytea[]) AS k(block_key, member_id, features)
        ON CONFLICT (service_id, block_key, member_id) DO UPDATE SET features = excluded.features
        """;

    /// <summary>Removes the members whose (block key, member id) are the elements of $2 and $3; absent ones are no error.</summary>
    public const string DeleteMembers = """
        DELETE FROM cdm_block_member AS m
        USING unnest($2::text[], $3::text[]) AS k(block_key, member_id)
        WHERE m.service_id = $1 AND m.block_key = k.block_key AND m.member_id = k.member_id
        """;

    /// <summary>Marks the blocks of $2 over their cap; a block already over it is left as it is.</summary>
    public const string Cap = """
        INSERT INTO cdm_block AS b (service_id, block_key, over_cap)
        SELECT $1, k.block_key, true FROM unnest($2::text[]) AS k(block_key)
        ON CONFLICT (service_id, block_key) DO UPDATE SET over_cap = true WHERE NOT b.over_cap
        """;
}
