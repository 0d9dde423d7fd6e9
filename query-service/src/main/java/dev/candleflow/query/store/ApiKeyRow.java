package dev.candleflow.query.store;

import java.util.List;

/** An API key as stored: its public id, name, SHA-256 of the key (never the key), and limits. */
public record ApiKeyRow(
        String keyId,
        String name,
        String keyHash,
        List<String> scopes,
        int ratePerMinute,
        int burst,
        long createdAt,
        boolean revoked,
        long revokedAt) {}
