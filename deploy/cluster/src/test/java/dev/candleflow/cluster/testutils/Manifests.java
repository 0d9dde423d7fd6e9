package dev.candleflow.cluster.testutils;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lookups in the Kubernetes and Kafka manifests: one resource, a port, a mounted secret's file. */
public final class Manifests {

    private Manifests() {}

    public static JsonNode single(String file, String kind) throws Exception {
        List<JsonNode> docs = Yaml.ofKind(file, kind);
        assertThat(docs).as(kind + " in " + file).hasSize(1);
        return docs.get(0);
    }

    public static String portNamed(JsonNode container, String name) {
        for (JsonNode p : container.path("ports")) {
            if (name.equals(p.path("name").asText())) {
                return p.path("containerPort").asText();
            }
        }
        throw new AssertionError("no port named " + name);
    }

    public static Map<String, String> env(JsonNode container) {
        Map<String, String> out = new HashMap<>();
        container
                .path("env")
                .forEach(e -> out.put(e.path("name").asText(), e.path("value").asText()));
        return out;
    }

    /** The name of the Secret mounted (in a pod spec or pod template) at the file's directory. */
    public static String mountedSecret(JsonNode podSpec, String file) {
        JsonNode spec =
                podSpec.has("podTemplate") ? podSpec.path("podTemplate").path("spec") : podSpec;
        String dir = file.substring(0, file.lastIndexOf('/'));
        for (JsonNode m : spec.path("containers").get(0).path("volumeMounts")) {
            if (m.path("mountPath").asText().equals(dir)) {
                for (JsonNode v : spec.path("volumes")) {
                    if (v.path("name").asText().equals(m.path("name").asText())) {
                        return v.path("secret").path("secretName").asText();
                    }
                }
            }
        }
        throw new AssertionError("nothing mounted at " + dir);
    }

    public static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** A file of a Secret in secrets.example.yaml, as {@code key: value} settings. */
    public static Map<String, String> secretFile(String secret, String file) throws Exception {
        for (JsonNode s : Yaml.ofKind("deploy/k8s/secrets.example.yaml", "Secret")) {
            if (s.path("metadata").path("name").asText().equals(secret)) {
                assertThat(s.path("stringData").has(file)).as(secret + " has " + file).isTrue();
                return Yaml.flatLines(s.path("stringData").path(file).asText());
            }
        }
        throw new AssertionError("secrets.example.yaml has no Secret " + secret);
    }

    /** create-topics.sh's {@code create NAME PARTITIONS CONFIG...} lines: name to the rest. */
    public static Map<String, String> scriptTopics() throws Exception {
        Map<String, String> out = new TreeMap<>();
        Matcher m =
                Pattern.compile("(?m)^create (\\S+) (.+)$")
                        .matcher(Files.readString(Repo.file("deploy/kafka/create-topics.sh")));
        while (m.find()) {
            out.put(m.group(1), m.group(2).strip());
        }
        return out;
    }
}
