-- CdmOrleans schema step 2: cluster membership for Orleans' ADO.NET clustering (Microsoft.Orleans.Clustering.AdoNet
-- 10.4.2, invariant "Npgsql"), used by silos (membership) and by gateways and other clients (gateway list).
--
-- The provider refuses to start unless orleansquery holds all nine keys its DbStoredQueries declares:
--   GatewaysQueryKey, MembershipReadRowKey, MembershipReadAllKey, InsertMembershipVersionKey,
--   UpdateIAmAlivetimeKey, InsertMembershipKey, UpdateMembershipKey, DeleteMembershipTableEntriesKey,
--   CleanupDefunctSiloEntriesKey.
-- It also looks up one optional key, CleanupDefunctSiloEntryKey; when present, defunct-silo cleanup reads the
-- table, picks the Dead rows itself and deletes each only if it still holds the values it read (see below).
--
-- Parameters it binds (by name; types as Npgsql sends them): DeploymentId text (the ClusterId), Address text,
-- Port/Generation/Status/ProxyPort integer, SiloName/HostName text, SuspectTimes text or NULL,
-- StartTime/IAmAliveTime timestamptz, Version integer (the table version the silo read: its ETag).
-- Columns it reads back, by name: Address, Port, Generation, SiloName, HostName, Status, ProxyPort,
-- SuspectTimes, StartTime, IAmAliveTime, Version. Status is Orleans' SiloStatus: 3 Active, 6 Dead.
--
-- The membership protocol rests on one version row per cluster: every insert or update of a silo's row must
-- also move that version from the value the silo read to the next, or change nothing at all. Heartbeats and
-- cleanup leave the version alone.

CREATE TABLE IF NOT EXISTS orleans_membership_version
(
    deployment_id text NOT NULL PRIMARY KEY,
    version       integer NOT NULL DEFAULT 0,
    changed_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS orleans_membership
(
    -- Deleting a cluster's version row (DeleteMembershipTableEntriesKey) takes its silos with it.
    deployment_id   text NOT NULL REFERENCES orleans_membership_version (deployment_id) ON DELETE CASCADE,
    address         text NOT NULL,
    port            integer NOT NULL,
    generation      integer NOT NULL,
    silo_name       text NOT NULL,
    host_name       text NOT NULL,
    status          integer NOT NULL,
    proxy_port      integer NOT NULL,
    -- "silo-address,date|silo-address,date": the votes of the silos that suspect this one, as Orleans writes them.
    suspect_times   text NULL,
    start_time      timestamptz NOT NULL,
    i_am_alive_time timestamptz NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Inserts a silo's row and moves the cluster's version on, both or neither. The version row is locked at the
-- version the silo read: a silo that read an older table finds no row and changes nothing. Under READ COMMITTED
-- a concurrent writer makes this wait, then re-read the row, see the new version and lose, which is exactly
-- the optimistic check Orleans expects. No exception handling is needed, so nothing depends on plpgsql asserts.
CREATE OR REPLACE FUNCTION orleans_membership_insert(
    p_deployment_id    text,
    p_address          text,
    p_port             integer,
    p_generation       integer,
    p_silo_name        text,
    p_host_name        text,
    p_status           integer,
    p_proxy_port       integer,
    p_start_time       timestamptz,
    p_i_am_alive_time  timestamptz,
    p_expected_version integer)
    RETURNS boolean
    LANGUAGE plpgsql
AS $function$
BEGIN
    PERFORM 1 FROM orleans_membership_version
    WHERE deployment_id = p_deployment_id AND version = p_expected_version
    FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    INSERT INTO orleans_membership
        (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
    VALUES
        (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_proxy_port, p_start_time, p_i_am_alive_time)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership_version
    SET version = version + 1, changed_at = now()
    WHERE deployment_id = p_deployment_id;
    RETURN true;
END
$function$;

-- Updates a silo's status, suspicions and heartbeat and moves the version on, both or neither (as above).
CREATE OR REPLACE FUNCTION orleans_membership_update(
    p_deployment_id    text,
    p_address          text,
    p_port             integer,
    p_generation       integer,
    p_status           integer,
    p_suspect_times    text,
    p_i_am_alive_time  timestamptz,
    p_expected_version integer)
    RETURNS boolean
    LANGUAGE plpgsql
AS $function$
BEGIN
    PERFORM 1 FROM orleans_membership_version
    WHERE deployment_id = p_deployment_id AND version = p_expected_version
    FOR UPDATE;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership
    SET status = p_status, suspect_times = p_suspect_times, i_am_alive_time = p_i_am_alive_time
    WHERE deployment_id = p_deployment_id AND address = p_address AND port = p_port AND generation = p_generation;
    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership_version
    SET version = version + 1, changed_at = now()
    WHERE deployment_id = p_deployment_id;
    RETURN true;
END
$function$;

-- Creates the cluster's version row once; the provider wants one boolean column, true when it was created.
INSERT INTO orleansquery (querykey, querytext) VALUES ('InsertMembershipVersionKey', $query$
WITH created AS (
    INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId)
    ON CONFLICT (deployment_id) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created) AS "Created";
$query$) ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('InsertMembershipKey', $query$
SELECT orleans_membership_insert(
    p_deployment_id => @DeploymentId, p_address => @Address, p_port => @Port, p_generation => @Generation,
    p_silo_name => @SiloName, p_host_name => @HostName, p_status => @Status, p_proxy_port => @ProxyPort,
    p_start_time => @StartTime, p_i_am_alive_time => @IAmAliveTime, p_expected_version => @Version) AS "Inserted";
$query$) ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('UpdateMembershipKey', $query$
SELECT orleans_membership_update(
    p_deployment_id => @DeploymentId, p_address => @Address, p_port => @Port, p_generation => @Generation,
    p_status => @Status, p_suspect_times => @SuspectTimes, p_i_am_alive_time => @IAmAliveTime,
    p_expected_version => @Version) AS "Updated";
$query$) ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- The heartbeat: one statement on the primary key that leaves the version alone, so it never makes a
-- concurrent membership change fail.
INSERT INTO orleansquery (querykey, querytext) VALUES ('UpdateIAmAlivetimeKey', $query$
UPDATE orleans_membership
SET i_am_alive_time = @IAmAliveTime
WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation;
$query$) ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- Both reads start from the version row, so they return the version (one row with NULL silo columns) even
-- when the cluster has no silo yet; being one statement, the rows and the version come from one snapshot.
INSERT INTO orleansquery (querykey, querytext) VALUES ('MembershipReadRowKey', $query$
SELECT v.version AS "Version",
       m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m
    ON m.deployment_id = v.deployment_id AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
WHERE v.deployment_id = @DeploymentId;
$query$) ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

INSERT INTO orleansquery (querykey, querytext) VALUES ('MembershipReadAllKey', $query$
SELECT v.version AS "Version",
       m.address AS "Address", m.port AS "Port", m.generation AS "Generation",
       m.silo_name AS "SiloName", m.host_name AS "HostName", m.status AS "Status", m.proxy_port AS "ProxyPort",
       m.suspect_times AS "SuspectTimes", m.start_time AS "StartTime", m.i_am_alive_time AS "IAmAliveTime"
FROM orleans_membership_version v
LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
WHERE v.deployment_id = @DeploymentId;
$query$) ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- What clients connect to: silos in the given status (Active) that accept clients.
INSERT INTO orleansquery (querykey, querytext) VALUES ('GatewaysQueryKey', $query$
SELECT address AS "Address", proxy_port AS "ProxyPort", generation AS "Generation"
FROM orleans_membership
WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0;
$query$) ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- Forgets a whole cluster (tests and tooling); its silos go with the version row.
INSERT INTO orleansquery (querykey, querytext) VALUES ('DeleteMembershipTableEntriesKey', $query$
DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId;
$query$) ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- Defunct-silo cleanup as providers without the optional key below run it: Dead silos that neither started
-- nor sent a heartbeat since the cutoff (passed as IAmAliveTime). Live silos' rows are never touched.
INSERT INTO orleansquery (querykey, querytext) VALUES ('CleanupDefunctSiloEntriesKey', $query$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId AND status = 6
  AND i_am_alive_time < @IAmAliveTime AND start_time < @IAmAliveTime;
$query$) ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;

-- The optional per-row cleanup 10.4.2 prefers: it read the table, chose a Dead row whose start, heartbeat and
-- suspicion votes are all older than the cutoff, and passes back the values it read. The row goes only if it
-- still holds exactly those values, so a row changed since the read (a late vote, say) survives this round.
-- An empty and a missing vote list are the same to Orleans, so they compare equal here.
INSERT INTO orleansquery (querykey, querytext) VALUES ('CleanupDefunctSiloEntryKey', $query$
DELETE FROM orleans_membership
WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
  AND status = 6
  AND start_time = @StartTime AND i_am_alive_time = @IAmAliveTime
  AND coalesce(suspect_times, '') = coalesce(@SuspectTimes, '');
$query$) ON CONFLICT (querykey) DO UPDATE SET querytext = excluded.querytext;
