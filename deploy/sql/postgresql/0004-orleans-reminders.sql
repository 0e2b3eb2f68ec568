-- CdmOrleans schema step 4: the reminder table for Orleans' ADO.NET reminder service
-- (Microsoft.Orleans.Reminders.AdoNet 10.4.2, invariant "Npgsql").
--
-- The provider refuses to start unless orleansquery holds all seven keys its DbStoredQueries declares:
--   ReadReminderRowsKey, ReadRangeRows1Key, ReadRangeRows2Key, ReadReminderRowKey, UpsertReminderRowKey,
--   DeleteReminderRowKey, DeleteReminderRowsKey.
-- Parameters it binds: ServiceId text, GrainId text (the grain id's string form), ReminderName text,
-- StartTime timestamptz, Period integer or bigint (milliseconds; bigint only when it does not fit an integer),
-- GrainHash/BeginHash/EndHash integer (the grain's uniform hash, an unsigned number sent as a signed one),
-- Version integer (the reminder's ETag).
-- Columns it reads back, by name: GrainId, ReminderName, StartTime, Period, Version.

CREATE TABLE IF NOT EXISTS orleans_reminders
(
    service_id    text NOT NULL,
    grain_id      text NOT NULL,
    reminder_name text NOT NULL,
    start_time    timestamptz NOT NULL,
    period_ms     bigint NOT NULL,
    grain_hash    integer NOT NULL,
    version       integer NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

-- Each silo's reminder service loads the reminders of its share of the hash ring.
CREATE INDEX IF NOT EXISTS orleans_reminders_service_hash ON orleans_reminders (service_id, grain_hash);

INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadReminderRowsKey', $query$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId;
$query$) ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadReminderRowKey', $query$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName;
$query$) ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- A silo owns the ring range (BeginHash, EndHash]. Sent as signed integers the range keeps its circular order,
-- so the provider asks with the first query when it does not wrap in signed order (BeginHash < EndHash) ...
INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadRangeRows1Key', $query$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND grain_hash > @BeginHash AND grain_hash <= @EndHash;
$query$) ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- ... and with the second when it wraps past the largest integer (or covers the whole ring, BeginHash = EndHash).
INSERT INTO orleansquery (querykey, querytext) VALUES ('ReadRangeRows2Key', $query$
SELECT grain_id AS "GrainId", reminder_name AS "ReminderName", start_time AS "StartTime",
       period_ms AS "Period", version AS "Version"
FROM orleans_reminders
WHERE service_id = @ServiceId AND (grain_hash > @BeginHash OR grain_hash <= @EndHash);
$query$) ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- Registering again replaces the schedule and moves the version on; the provider wants the new version.
INSERT INTO orleansquery (querykey, querytext) VALUES ('UpsertReminderRowKey', $query$
INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
SET start_time = excluded.start_time, period_ms = excluded.period_ms, grain_hash = excluded.grain_hash,
    version = orleans_reminders.version + 1
RETURNING version AS "Version";
$query$) ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- Removes a reminder only at the version the caller holds; the provider wants one boolean column.
INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteReminderRowKey', $query$
WITH deleted AS (
    DELETE FROM orleans_reminders
    WHERE service_id = @ServiceId AND grain_id = @GrainId AND reminder_name = @ReminderName AND version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM deleted) AS "Deleted";
$query$) ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- Every reminder of the service (tests and tooling).
INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteReminderRowsKey', $query$
DELETE FROM orleans_reminders WHERE service_id = @ServiceId;
$query$) ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
