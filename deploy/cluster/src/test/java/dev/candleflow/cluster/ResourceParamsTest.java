package dev.candleflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reading BashJavaUtils' output as flink-dist's scripts do. */
class ResourceParamsTest {

    @Test
    void theTwoResultLinesAreJvmOptionsAndDynamicProperties() {
        String out =
                "INFO  some log line\n"
                        + "BASH_JAVA_UTILS_EXEC_RESULT:-Xmx335544320 -Xms335544320"
                        + " -XX:MaxDirectMemorySize=201326592 -XX:MaxMetaspaceSize=268435456\n"
                        + "BASH_JAVA_UTILS_EXEC_RESULT:-D taskmanager.memory.network.min=67108864b"
                        + " -D taskmanager.cpu.cores=2.0\n";
        ResourceParams p = ResourceParams.parse(ResourceParams.Kind.TASK_MANAGER, out);
        assertThat(p.jvmOptions())
                .containsExactly(
                        "-Xmx335544320",
                        "-Xms335544320",
                        "-XX:MaxDirectMemorySize=201326592",
                        "-XX:MaxMetaspaceSize=268435456");
        assertThat(p.dynamicProperties())
                .containsExactly(
                        "-D",
                        "taskmanager.memory.network.min=67108864b",
                        "-D",
                        "taskmanager.cpu.cores=2.0");
    }

    @Test
    void outputWithoutResultsFailsWithTheOutput() {
        assertThatThrownBy(() -> ResourceParams.parse(ResourceParams.Kind.JOB_MANAGER, "boom"))
                .hasMessageContaining("GET_JM_RESOURCE_PARAMS")
                .hasMessageContaining("boom");
    }
}
