package dev.candleflow.job.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README documents every setting the job accepts, so the table cannot fall behind. */
class ReadmeOptionsTest {

    @Test
    void everySettingIsInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("../../README.md"));
        for (String key : CandleJobConfigLoader.knownKeys()) {
            // Per-venue keys are documented once, as source.endpoint.<venue>.
            String documented =
                    key.replaceAll("^(source\\.(rest-)?endpoint)\\.[a-z]+$", "$1.<venue>");
            assertThat(readme).as("README documents `%s`", key).contains("`" + documented + "`");
        }
    }
}
