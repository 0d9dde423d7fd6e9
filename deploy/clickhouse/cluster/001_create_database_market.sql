-- Mirrors sql/clickhouse/001 on every node of the cluster.
CREATE DATABASE IF NOT EXISTS market ON CLUSTER '{cluster}' ENGINE = Atomic
