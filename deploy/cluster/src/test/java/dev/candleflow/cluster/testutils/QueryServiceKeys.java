package dev.candleflow.cluster.testutils;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings the query service accepts, read from its options class's source: this module does
 * not depend on the query service (its server stack has no place on this test classpath).
 */
public final class QueryServiceKeys {

    static final String OPTIONS =
            "query-service/src/main/java/dev/candleflow/query/config/QueryServiceOptions.java";
    private static final Pattern KEY =
            Pattern.compile("\\b(?:text|integer|duration|bool)\\(\\s*\"([a-z0-9.\\-]+)\"");

    private QueryServiceKeys() {}

    public static Set<String> all() throws IOException {
        Set<String> keys = new TreeSet<>();
        Matcher m = KEY.matcher(Files.readString(Repo.file(OPTIONS)));
        while (m.find()) {
            keys.add(m.group(1));
        }
        if (keys.size() < 10) {
            throw new IllegalStateException(
                    "Found only " + keys + " in " + OPTIONS + "; has its form changed?");
        }
        keys.add("config");
        return keys;
    }
}
