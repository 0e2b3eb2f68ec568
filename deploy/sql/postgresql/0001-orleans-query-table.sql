-- CdmOrleans schema step 1: the table Orleans' ADO.NET providers read their SQL from.
--
-- Every ADO.NET provider (clustering, reminders, grain storage) starts by running the fixed query
-- "SELECT QueryKey, QueryText FROM OrleansQuery" and from then on only executes the texts it found there,
-- by key. So the table and column names are the one part of the contract we cannot choose; unquoted, they
-- fold to orleansquery(querykey, querytext), and Npgsql matches the columns the providers ask for without
-- regard to case. Everything else (tables, columns, indexes) is ours, as long as each stored query binds
-- the parameter names and returns the column names its provider uses; steps 2 to 4 say which.
--
-- The migrator runs this inside its transaction (no BEGIN/COMMIT here) and only once per database;
-- "IF NOT EXISTS" lets it adopt a database where Orleans' own scripts already created the table.

CREATE TABLE IF NOT EXISTS orleansquery
(
    querykey  varchar(64) NOT NULL PRIMARY KEY,
    querytext text NOT NULL
);

COMMENT ON TABLE orleansquery IS
    'SQL of the Orleans ADO.NET providers, by key; written by the cdm schema steps (cdm_schema_migrations), not by hand.';
