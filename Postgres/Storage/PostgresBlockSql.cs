namespace Cdm.Postgres.Storage;

/// <summary>
/// The statements of <see cref="PostgresGroupCommitGrainStorage"/> on <c>cdm_block_member</c> and <c>cdm_block</c>
/// (<c>deploy/sql/postgresql/0006-cdm-block.sql</c>). $1 is always the service id. The writes take arrays, so that
/// all the block changes of a batch are three statements at most, however many there are.
/// </summary>
internal static class PostgresBlockSql
{
    /// <summary>
    /// A block in one statement (one snapshot): a row with its over-cap flag when it has one, then a row per member.
    /// $2 is the block key.
    /// </summary>
    public const string Select = """
        SELECT NULL::text, NULL::bytea, over_cap FROM cdm_block WHERE service_id = $1 AND block_key = $2
        UNION ALL
        SELECT member_id, features, NULL::boolean FROM cdm_block_member WHERE service_id = $1 AND block_key = $2
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
