-- The audit log of CdmOrleans (Cdm.Postgres.Audit.PostgresAuditStore): who read or changed which profile, when and
-- for which purpose. Append-only: rows are inserted, never updated or deleted. No personal data: caller names,
-- profile ids, purposes and source names only. Several clusters may share a database: every row belongs to a
-- service id.
CREATE TABLE cdm_audit (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,  -- orders the log
    service_id  text COLLATE "C" NOT NULL,
    at          timestamptz NOT NULL,
    caller      text COLLATE "C" NOT NULL,  -- key:<id> (<name>), a token's subject, anonymous, or system
    action      text NOT NULL,              -- Cdm.Contracts.Audit.AuditAction, e.g. ProfileRead
    profile_id  text COLLATE "C" NOT NULL,
    purpose     text,                       -- the declared purpose of a read
    source      text                        -- the source of a written or removed record
);

-- Listing by profile and by caller, newest first.
CREATE INDEX cdm_audit_profile ON cdm_audit (service_id, profile_id, id);
CREATE INDEX cdm_audit_caller ON cdm_audit (service_id, caller, id);
