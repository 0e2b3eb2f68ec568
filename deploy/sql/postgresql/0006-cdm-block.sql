-- Blocks of probabilistic matching in CdmOrleans' own PostgreSQL storage
-- (Cdm.Postgres.Storage.PostgresGroupCommitGrainStorage as Cdm.Grains.Blocking.Rows.IBlockStore).
-- A block is a blocking key with its members; each member is one small row, written once per change, instead of
-- chunks of members rewritten as grain states. Several clusters may share a database: every row belongs to a
-- service id. Key columns use the "C" collation, as cdm_grain_state does.

-- One row per member of a block: reading a block is one range of the primary key.
CREATE TABLE cdm_block_member (
    service_id  text COLLATE "C" NOT NULL,  -- Orleans' ServiceId, or the storage's own ServiceId option
    block_key   text COLLATE "C" NOT NULL,  -- the blocking key, e.g. b:sn_by:SNAT:1980
    member_id   text COLLATE "C" NOT NULL,  -- the record's id, e.g. crm:42
    features    bytea NOT NULL,             -- its comparison features: a flat JSON object in UTF-8 (Cdm.Grains.Blocking.Rows.BlockFeatureCodec)
    PRIMARY KEY (service_id, block_key, member_id)
);

-- A row only for a block over its cap; it stays over it for good.
CREATE TABLE cdm_block (
    service_id  text COLLATE "C" NOT NULL,
    block_key   text COLLATE "C" NOT NULL,
    over_cap    boolean NOT NULL,
    PRIMARY KEY (service_id, block_key)
);
