-- CdmOrleans: grain storage tables and queries for Orleans' ADO.NET persistence provider on SQLite
-- (invariant "System.Data.SQLite", which Orleans loads as Microsoft.Data.Sqlite).
--
-- Safe to run again: every object is created only when missing and the queries are replaced, so the silo
-- applies this file at every start (Silo/Storage/AdoNetSqliteSchemaInitializer.cs embeds it).
--
-- The contract with the provider (Orleans.Persistence.AdoNet 10.4.2):
--  * it loads the queries WriteToStorageKey, ReadFromStorageKey and ClearStorageKey from OrleansQuery
--    (DeleteStorageKey is optional and only needed with DeleteStateOnClear, which is not offered here);
--  * it binds @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
--    @GrainIdExtensionString, @ServiceId and @GrainStateVersion (NULL for a grain that has no ETag),
--    and @PayloadBinary when writing;
--  * the read query returns columns PayloadBinary and Version; the write and clear queries return one
--    row with NewGrainStateVersion when they changed the row and no row when the version did not match,
--    which the provider reports as an InconsistentStateException.
-- GrainTypeString holds the state name Orleans passes to the storage, and the grain key is stored as
-- N0/N1 plus GrainIdExtensionString: the grain type itself is not part of the key.

-- WAL lets reads go on during a write; the setting is stored in the file.
PRAGMA journal_mode = WAL;

BEGIN IMMEDIATE;

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            INTEGER NOT NULL,
    GrainIdN0              INTEGER NOT NULL,
    GrainIdN1              INTEGER NOT NULL,
    GrainTypeHash          INTEGER NOT NULL,
    GrainTypeString        TEXT NOT NULL,
    GrainIdExtensionString TEXT NULL,
    ServiceId              TEXT NOT NULL,
    PayloadBinary          BLOB NULL,
    ModifiedOn             TEXT NOT NULL,
    Version                INTEGER NULL
);

-- The provider looks rows up by the two hashes; the full key columns then pick the one row.
CREATE INDEX IF NOT EXISTS IX_OrleansStorage ON OrleansStorage (GrainIdHash, GrainTypeHash);

-- Each write is one statement that checks the version itself, so no explicit transaction is needed and a
-- failure leaves no transaction open on a pooled connection. Exactly one of the two statements can apply:
-- the UPDATE needs the stored version (a NULL version never compares equal), the INSERT needs no ETag and
-- no row. Clearing keeps the row and bumps the version, so a write without an ETag never revives it.
INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
UPDATE OrleansStorage
SET PayloadBinary = @PayloadBinary,
    ModifiedOn = CURRENT_TIMESTAMP,
    Version = Version + 1
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString IS @GrainIdExtensionString
  AND ServiceId = @ServiceId
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;

INSERT INTO OrleansStorage
    (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId, @PayloadBinary, CURRENT_TIMESTAMP, 1
WHERE @GrainStateVersion IS NULL
  AND NOT EXISTS
  (
      SELECT 1 FROM OrleansStorage
      WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
        AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
        AND GrainTypeString = @GrainTypeString
        AND GrainIdExtensionString IS @GrainIdExtensionString
        AND ServiceId = @ServiceId
  )
RETURNING Version AS NewGrainStateVersion;
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString IS @GrainIdExtensionString
  AND ServiceId = @ServiceId
LIMIT 1;
');

INSERT OR REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
UPDATE OrleansStorage
SET PayloadBinary = NULL,
    ModifiedOn = CURRENT_TIMESTAMP,
    Version = Version + 1
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString IS @GrainIdExtensionString
  AND ServiceId = @ServiceId
  AND Version = @GrainStateVersion
RETURNING Version AS NewGrainStateVersion;
');

COMMIT;
