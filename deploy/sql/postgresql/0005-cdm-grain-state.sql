-- Grain state of CdmOrleans' own PostgreSQL storage (Cdm.Postgres.Storage.PostgresGroupCommitGrainStorage).
-- One row per grain state. Several clusters may share a database: every row belongs to a service id.
--
-- The primary key serves both access paths: point reads and writes by the whole key, and scans of one grain
-- type and state name in key order (keyset paging on grain_key). Key columns use the "C" collation, so
-- comparisons are bytewise, cheap, and give the same order on every server whatever its locale.
CREATE TABLE cdm_grain_state (
    service_id  text COLLATE "C" NOT NULL,  -- Orleans' ServiceId, or the storage's own ServiceId option
    grain_type  text COLLATE "C" NOT NULL,  -- the [GrainType] name: profile, identifier, merge-journal
    state_name  text COLLATE "C" NOT NULL,  -- profile, identifier, journal
    grain_key   text COLLATE "C" NOT NULL,  -- the grain's key, e.g. p3c35a7a3f71c09c930655107
    version     bigint NOT NULL,            -- the ETag; never reset, so a stale ETag can never match again
    state_type  text NULL,                  -- the state's [Alias], e.g. cdm.ProfileState; NULL once cleared
    payload     bytea NULL,                 -- UTF-8 JSON (read it with convert_from(payload, 'UTF8')::jsonb); NULL once cleared
    modified_at timestamptz NOT NULL,
    PRIMARY KEY (service_id, grain_type, state_name, grain_key)
)
-- Room on each page for a new row version: rewriting a state changes no key column, so the update can stay on
-- its page (a HOT update) without touching the index.
WITH (fillfactor = 80);

-- Payloads are JSON and compress well; lz4 costs a fraction of the default pglz's CPU for states over ~2 KB.
ALTER TABLE cdm_grain_state ALTER COLUMN payload SET COMPRESSION lz4;
