package dev.candleflow.query.cli;

import dev.candleflow.query.auth.ApiKeys;
import dev.candleflow.query.auth.Scope;
import dev.candleflow.query.config.QueryServiceConfig;
import dev.candleflow.query.config.QueryServiceConfigLoader;
import dev.candleflow.query.store.ApiKeyRow;
import dev.candleflow.query.store.CandleQueries;
import dev.candleflow.query.store.ClickHouseStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates, lists and revokes API keys in ClickHouse (table {@code api_keys} of the configured
 * database); a key is printed once at creation and only its SHA-256 is stored.
 *
 * <pre>{@code
 * java -cp 'query-service/target/query-service-0.1.0-SNAPSHOT.jar:query-service/target/lib/*' \
 *     dev.candleflow.query.cli.KeysCli create --name alice --rate-per-minute 600 --burst 100 \
 *     --clickhouse.url jdbc:clickhouse://127.0.0.1:18123
 * }</pre>
 */
public final class KeysCli {

    static final int DEFAULT_RATE_PER_MINUTE = 600;
    static final int DEFAULT_BURST = 100;
    static final String USAGE =
            "Usage: KeysCli create --name NAME [--scopes read,stream] [--rate-per-minute N]"
                    + " [--burst N]\n"
                    + "       KeysCli list\n"
                    + "       KeysCli revoke KEY_ID\n"
                    + "       KeysCli limits KEY_ID [--rate-per-minute N] [--burst N]\n"
                    + "Scopes: read (REST), stream (the live stream), metrics (a protected"
                    + " /metrics); default read,stream.\n"
                    + "Each also takes the service's --clickhouse.url, --clickhouse.database,"
                    + " --clickhouse.user, --clickhouse.password or --config FILE.\n";
    private static final List<String> OWN = List.of("name", "scopes", "rate-per-minute", "burst");

    private final CandleQueries queries;
    private final PrintStream out;

    KeysCli(CandleQueries queries, PrintStream out) {
        this.queries = queries;
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; 0 on success, 1 on failure, 2 on bad usage. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help")) {
            (args.length == 0 ? err : out).print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String command = args[0];
        List<String> positional = new ArrayList<>();
        Map<String, String> own = new LinkedHashMap<>();
        QueryServiceConfig config;
        try {
            Map<String, String> settings = split(args, positional, own);
            config = QueryServiceConfigLoader.fromMap(settings);
        } catch (IllegalArgumentException e) {
            err.println("KeysCli: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try (ClickHouseStore store =
                ClickHouseStore.create(config.clickHouse(), new SimpleMeterRegistry())) {
            store.migrate();
            return new KeysCli(new CandleQueries(store), out).execute(command, positional, own);
        } catch (IllegalArgumentException e) {
            err.println("KeysCli: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (RuntimeException e) {
            err.println("KeysCli: " + e.getMessage());
            return 1;
        }
    }

    /** Splits args after the command into positionals, CLI flags and service settings. */
    private static Map<String, String> split(
            String[] args, List<String> positional, Map<String, String> own) {
        List<String> rest = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                positional.add(args[i]);
            } else if (args[i].contains("=")) {
                rest.add(args[i]);
            } else {
                rest.add(args[i]);
                if (i + 1 < args.length) {
                    rest.add(args[++i]);
                }
            }
        }
        Map<String, String> all = QueryServiceConfigLoader.parseArgs(rest.toArray(String[]::new));
        for (String key : OWN) {
            if (all.containsKey(key)) {
                own.put(key, all.remove(key));
            }
        }
        String file = all.remove("config");
        if (file != null) {
            Map<String, String> fromFile =
                    new LinkedHashMap<>(QueryServiceConfigLoader.fromFile(file));
            fromFile.putAll(all);
            return fromFile;
        }
        return all;
    }

    int execute(String command, List<String> positional, Map<String, String> own) {
        return switch (command) {
            case "create" -> create(own);
            case "list" -> list();
            case "revoke" -> update(single(positional), true, own);
            case "limits" -> update(single(positional), false, own);
            default -> throw new IllegalArgumentException("Unknown command '" + command + "'");
        };
    }

    private int create(Map<String, String> own) {
        String name = own.getOrDefault("name", "").strip();
        if (name.isEmpty()
                || name.length() > 100
                || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("--name is required: 1 to 100 printable characters");
        }
        List<String> scopes = new ArrayList<>();
        for (String s : own.getOrDefault("scopes", "read,stream").split(",")) {
            String id = Scope.fromId(s).id();
            if (!scopes.contains(id)) {
                scopes.add(id);
            }
        }
        int rate = positive(own, "rate-per-minute", DEFAULT_RATE_PER_MINUTE);
        int burst = positive(own, "burst", DEFAULT_BURST);
        String key = ApiKeys.generate();
        String id = ApiKeys.idOf(key).orElseThrow();
        queries.insertApiKey(
                new ApiKeyRow(
                        id,
                        name,
                        ApiKeys.hash(key),
                        scopes,
                        rate,
                        burst,
                        System.currentTimeMillis(),
                        false,
                        0));
        out.printf(
                "Created API key %s (\"%s\", scopes %s, %d requests/min, burst %d).%n",
                id, name, String.join(",", scopes), rate, burst);
        out.println("The key is shown this once; send it as the X-API-Key header:");
        out.println(key);
        return 0;
    }

    private int list() {
        List<ApiKeyRow> keys = queries.apiKeys();
        out.printf(
                "%-12s  %-24s  %-12s  %8s  %6s  %-20s  %s%n",
                "ID", "NAME", "SCOPES", "PER-MIN", "BURST", "CREATED", "STATUS");
        for (ApiKeyRow k : keys) {
            out.printf(
                    "%-12s  %-24s  %-12s  %8d  %6d  %-20s  %s%n",
                    k.keyId(),
                    shorten(k.name()),
                    String.join(",", k.scopes()),
                    k.ratePerMinute(),
                    k.burst(),
                    Instant.ofEpochMilli(k.createdAt()).toString().substring(0, 19),
                    k.revoked() ? "revoked " + Instant.ofEpochMilli(k.revokedAt()) : "active");
        }
        out.println(keys.size() + " key(s)");
        return 0;
    }

    private int update(String id, boolean revoke, Map<String, String> own) {
        Optional<ApiKeyRow> key = queries.apiKey(id);
        if (key.isEmpty()) {
            throw new IllegalStateException("No API key with id '" + id + "'");
        }
        int rate = positive(own, "rate-per-minute", 0);
        int burst = positive(own, "burst", 0);
        if (!revoke && rate == 0 && burst == 0) {
            throw new IllegalArgumentException("limits needs --rate-per-minute and/or --burst");
        }
        queries.updateApiKey(id, revoke, rate, burst);
        out.println(
                (revoke ? "Revoked" : "Changed the limits of")
                        + " API key "
                        + id
                        + "; running services apply it within auth.key-cache-ttl (10 s by"
                        + " default).");
        return 0;
    }

    private static String single(List<String> positional) {
        if (positional.size() != 1) {
            throw new IllegalArgumentException("Give exactly one KEY_ID");
        }
        return positional.get(0);
    }

    private static int positive(Map<String, String> own, String key, int fallback) {
        String v = own.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n >= 1 && n <= 10_000_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a number from 1", e);
        }
        throw new IllegalArgumentException("--" + key + " must be from 1 to 10000000");
    }

    private static String shorten(String s) {
        return s.length() > 24 ? s.substring(0, 23) + "…" : s;
    }
}
