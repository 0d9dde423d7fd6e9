package dev.candleflow.cluster.testutils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * YAML files of the repository as Jackson trees. SnakeYAML (Jackson YAML's own parser, on the test
 * classpath through jackson-dataformat-yaml) reads them, because docker-compose.yml uses anchors
 * and merge keys, which Jackson's YAML module does not resolve.
 */
public final class Yaml {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Yaml() {}

    /** The single document of a file relative to the repository root. */
    public static JsonNode read(String relative) throws IOException {
        List<JsonNode> docs = readAll(relative);
        if (docs.size() != 1) {
            throw new IllegalStateException(
                    relative + " holds " + docs.size() + " documents, expected 1");
        }
        return docs.get(0);
    }

    /** Every document of a multi-document file, empty ones skipped. */
    public static List<JsonNode> readAll(String relative) throws IOException {
        Path file = Repo.file(relative);
        List<JsonNode> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file)) {
            for (Object doc : loader().loadAll(r)) {
                if (doc != null) {
                    out.add(JSON.valueToTree(doc));
                }
            }
        }
        return out;
    }

    /** The documents of a file that have {@code kind}. */
    public static List<JsonNode> ofKind(String relative, String kind) throws IOException {
        return readAll(relative).stream()
                .filter(d -> kind.equals(d.path("kind").asText()))
                .toList();
    }

    /** {@code key: value} lines (a Flink config block, a job.conf) as a map. */
    public static Map<String, String> flatLines(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            int colon = l.indexOf(": ");
            if (colon < 0) {
                throw new IllegalArgumentException("Not a 'key: value' line: " + line);
            }
            out.put(l.substring(0, colon).strip(), l.substring(colon + 2).strip());
        }
        return out;
    }

    private static org.yaml.snakeyaml.Yaml loader() {
        return new org.yaml.snakeyaml.Yaml(new SafeConstructor(new LoaderOptions()));
    }
}
