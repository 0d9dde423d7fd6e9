package dev.candleflow.cluster;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Flink REST API calls an operator's CI makes: upload and run a jar, watch the job and its
 * checkpoints, stop it with a savepoint, cancel it. JSON goes through the Jackson copy in Flink's
 * lib (the launcher runs on nothing else).
 *
 * <pre>{@code
 * FlinkRestClient rest = new FlinkRestClient(URI.create("http://127.0.0.1:8081"));
 * String jar = rest.uploadJar(Path.of("candle-job-flink.jar"));
 * String job = rest.runJar(jar, new JarRun(List.of("--symbols", "BTC-USDT"), 2, null));
 * String savepoint = rest.awaitSavepoint(job, rest.stopWithSavepoint(job), Duration.ofMinutes(2));
 * }</pre>
 */
public final class FlinkRestClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final HttpClient http;

    public FlinkRestClient(URI base) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build();
    }

    /**
     * How to run an uploaded jar: program arguments, parallelism, and a savepoint to start from.
     */
    public record JarRun(List<String> programArgs, int parallelism, String savepointPath) {
        public JarRun {
            programArgs = List.copyOf(programArgs);
        }
    }

    /** A job's checkpoint counters and the checkpoint (or savepoint) it was restored from. */
    public record Checkpoints(
            long completed,
            long failed,
            long lastCompletedId,
            long restoredId,
            boolean restoredFromSavepoint,
            String restoredPath,
            long lastDurationMillis,
            long lastSizeBytes) {
        public boolean restored() {
            return restoredId >= 0;
        }
    }

    public URI base() {
        return base;
    }

    /** GET {@code path}; the parsed JSON body, or an IOException naming the status and body. */
    public JsonNode get(String path) throws IOException {
        return send(request(path).GET());
    }

    /** {@code /overview}: task managers, slots, jobs, Flink version. */
    public JsonNode overview() throws IOException {
        return get("/overview");
    }

    /** Resource ids of the registered TaskManagers. */
    public List<String> taskManagerIds() throws IOException {
        List<String> ids = new ArrayList<>();
        get("/taskmanagers").path("taskmanagers").forEach(tm -> ids.add(tm.path("id").asText()));
        return ids;
    }

    /** {@code POST /jars/upload}; returns the jar id for {@link #runJar}. */
    public String uploadJar(Path jar) throws IOException {
        String boundary = "candleflow-" + UUID.randomUUID();
        String head =
                "--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\""
                        + jar.getFileName()
                        + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n";
        BodyPublisher body =
                BodyPublishers.concat(
                        BodyPublishers.ofString(head),
                        BodyPublishers.ofFile(jar),
                        BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
        JsonNode answer =
                send(
                        request("/jars/upload")
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(body));
        String file = answer.path("filename").asText();
        if (!"success".equals(answer.path("status").asText()) || file.isEmpty()) {
            throw new IOException("Jar upload of " + jar + " failed: " + answer);
        }
        return file.substring(file.lastIndexOf('/') + 1);
    }

    /** {@code POST /jars/<id>/run}; the job's main runs on the JobManager; returns the job id. */
    public String runJar(String jarId, JarRun run) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.putPOJO("programArgsList", run.programArgs());
        if (run.parallelism() > 0) {
            body.put("parallelism", run.parallelism());
        }
        if (run.savepointPath() != null) {
            body.put("savepointPath", run.savepointPath());
            body.put("allowNonRestoredState", false);
        }
        return send(post("/jars/" + jarId + "/run", body)).path("jobid").asText();
    }

    /** The job's state: CREATED, RUNNING, RESTARTING, FAILED, FINISHED, CANCELED, ... */
    public String jobState(String jobId) throws IOException {
        return get("/jobs/" + jobId).path("state").asText();
    }

    /** True when the job is RUNNING and so is every task of every vertex. */
    public boolean isFullyRunning(String jobId) throws IOException {
        JsonNode job = get("/jobs/" + jobId);
        if (!"RUNNING".equals(job.path("state").asText())) {
            return false;
        }
        for (JsonNode vertex : job.path("vertices")) {
            if (!"RUNNING".equals(vertex.path("status").asText())) {
                return false;
            }
        }
        return job.path("vertices").size() > 0;
    }

    public Checkpoints checkpoints(String jobId) throws IOException {
        JsonNode c = get("/jobs/" + jobId + "/checkpoints");
        JsonNode restored = c.path("latest").path("restored");
        JsonNode last = c.path("latest").path("completed");
        return new Checkpoints(
                c.path("counts").path("completed").asLong(),
                c.path("counts").path("failed").asLong(),
                last.isObject() ? last.path("id").asLong() : -1L,
                restored.isObject() ? restored.path("id").asLong() : -1L,
                restored.path("is_savepoint").asBoolean(false),
                restored.path("external_path").asText(""),
                last.path("end_to_end_duration").asLong(-1),
                last.path("checkpointed_size").asLong(-1));
    }

    /** One job-level metric ({@code numRestarts}, {@code lastCheckpointDuration}, ...). */
    public Optional<String> jobMetric(String jobId, String name) throws IOException {
        for (JsonNode m : get("/jobs/" + jobId + "/metrics?get=" + name)) {
            if (name.equals(m.path("id").asText())) {
                return Optional.of(m.path("value").asText());
            }
        }
        return Optional.empty();
    }

    /** {@code POST /jobs/<id>/stop} without draining; returns the trigger id. */
    public String stopWithSavepoint(String jobId) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("drain", false);
        return send(post("/jobs/" + jobId + "/stop", body)).path("request-id").asText();
    }

    /** Polls the savepoint operation until it completes; returns the savepoint's location. */
    public String awaitSavepoint(String jobId, String triggerId, Duration timeout)
            throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode answer = get("/jobs/" + jobId + "/savepoints/" + triggerId);
            if ("COMPLETED".equals(answer.path("status").path("id").asText())) {
                JsonNode op = answer.path("operation");
                if (op.has("location")) {
                    return op.path("location").asText();
                }
                throw new IOException("Savepoint of job " + jobId + " failed: " + op);
            }
            pause(Duration.ofMillis(250));
        }
        throw new IOException("Savepoint of job " + jobId + " not done within " + timeout);
    }

    /** {@code PATCH /jobs/<id>?mode=cancel}. */
    public void cancel(String jobId) throws IOException {
        send(request("/jobs/" + jobId + "?mode=cancel").method("PATCH", BodyPublishers.noBody()));
    }

    /** The job's failure history (newest first), one line per failure, for diagnostics. */
    public List<String> failures(String jobId) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode e :
                get("/jobs/" + jobId + "/exceptions").path("exceptionHistory").path("entries")) {
            String trace = e.path("stacktrace").asText();
            out.add(
                    e.path("taskName").asText("(job)")
                            + ": "
                            + trace.lines().limit(3).reduce((a, b) -> a + " | " + b).orElse(""));
        }
        return out;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT);
    }

    private HttpRequest.Builder post(String path, JsonNode body) throws IOException {
        return request(path)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }

    private JsonNode send(HttpRequest.Builder builder) throws IOException {
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = http.send(request, BodyHandlers.ofString(UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(
                    "Interrupted: " + request.method() + " " + request.uri());
        }
        if (response.statusCode() / 100 != 2) {
            throw new IOException(
                    request.method()
                            + " "
                            + request.uri()
                            + " answered "
                            + response.statusCode()
                            + ": "
                            + response.body());
        }
        String text = response.body();
        return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
    }

    private static void pause(Duration d) throws InterruptedIOException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while polling");
        }
    }
}
