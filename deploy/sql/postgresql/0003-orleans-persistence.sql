-- CdmOrleans schema step 3: grain state for Orleans' own ADO.NET grain storage (Microsoft.Orleans.Persistence.AdoNet
-- 10.4.2, invariant "Npgsql"), the optional alternative to the project's group-commit storage.
--
-- The contract with the provider:
--  * at start it reads WriteToStorageKey, ReadFromStorageKey and ClearStorageKey (all three required) and
--    DeleteStorageKey (only needed with DeleteStateOnClear, which CdmOrleans does not offer, so not defined:
--    clearing keeps the row and moves its version on, and a writer holding an old version can never revive it);
--  * it binds GrainIdHash integer, GrainIdN0/GrainIdN1 bigint, GrainTypeHash integer, GrainTypeString text,
--    GrainIdExtensionString text or NULL, ServiceId text, GrainStateVersion integer (NULL for a grain that holds
--    no version yet: its ETag) and, when writing, PayloadBinary bytea;
--  * the read returns at most one row with PayloadBinary (NULL: no state) and Version; the write and the clear
--    return one row with NewGrainStateVersion when they changed the row and no row when the version did not
--    match, which the provider turns into an InconsistentStateException.
-- GrainTypeString holds the state name the grain declared; the grain key arrives as N0/N1 (integer and Guid
-- keys) plus GrainIdExtensionString (a string key, or an integer or Guid key's extension). The two hashes only
-- served the indexes of Orleans' own scripts: the primary key below makes them unnecessary, so they are ignored.

CREATE TABLE IF NOT EXISTS orleans_storage
(
    service_id         text NOT NULL,
    grain_type         text NOT NULL,
    grain_id_n0        bigint NOT NULL,
    grain_id_n1        bigint NOT NULL,
    grain_id_extension text NULL,
    -- The extension in a form that can be part of the primary key: '' for none, '#' and the value otherwise, so a
    -- missing extension and an empty one stay apart and lookups are plain equality on the key.
    grain_id_extension_key text GENERATED ALWAYS AS (coalesce('#' || grain_id_extension, '')) STORED,
    -- The state as the configured serialiser wrote it: UTF-8 JSON with CdmOrleans' System.Text.Json serialiser,
    -- readable with convert_from(payload, 'UTF8'). NULL once cleared.
    payload            bytea NULL,
    -- The ETag. Starts at 1 and grows by one on every write and clear.
    version            integer NOT NULL,
    modified_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension_key)
);

-- One statement, so no explicit transaction and nothing left open on a pooled connection when it fails. At most
-- one branch applies: the update needs the stored version (NULL never compares equal), the insert needs no ETag
-- and no row. Two activations racing to create the same state meet on the primary key; the loser inserts
-- nothing, returns no row and gets the InconsistentStateException.
INSERT INTO orleansquery (querykey, querytext) VALUES ('WriteToStorageKey', $query$
WITH updated AS (
    UPDATE orleans_storage
    SET payload = @PayloadBinary, version = version + 1, modified_at = now()
    WHERE service_id = @ServiceId AND grain_type = @GrainTypeString
      AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
      AND grain_id_extension_key = coalesce('#' || @GrainIdExtensionString, '')
      AND version = @GrainStateVersion
    RETURNING version
), inserted AS (
    INSERT INTO orleans_storage (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension, payload, version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString, @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
)
SELECT version AS "NewGrainStateVersion" FROM updated
UNION ALL
SELECT version FROM inserted;
$query$) ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadFromStorageKey', $query$
SELECT payload AS "PayloadBinary", version AS "Version"
FROM orleans_storage
WHERE service_id = @ServiceId AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension_key = coalesce('#' || @GrainIdExtensionString, '');
$query$) ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('ClearStorageKey', $query$
UPDATE orleans_storage
SET payload = NULL, version = version + 1, modified_at = now()
WHERE service_id = @ServiceId AND grain_type = @GrainTypeString
  AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
  AND grain_id_extension_key = coalesce('#' || @GrainIdExtensionString, '')
  AND version = @GrainStateVersion
RETURNING version AS "NewGrainStateVersion";
$query$) ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
