-- API keys of the query service (created, listed and revoked with KeysCli). Only the SHA-256 of a
-- key is stored, never the key. A revocation or a change of limits inserts a newer version of the
-- row; read with FINAL. Applied by the service and the CLI to the configured database.
CREATE TABLE IF NOT EXISTS api_keys
(
    key_id          String,
    name            String,
    key_hash        String,
    scopes          Array(LowCardinality(String)),
    rate_per_minute UInt32,
    burst           UInt32,
    created_at      DateTime64(3, 'UTC'),
    revoked         Bool,
    revoked_at      DateTime64(3, 'UTC'),
    version         UInt64
)
ENGINE = ReplacingMergeTree(version)
ORDER BY key_id
