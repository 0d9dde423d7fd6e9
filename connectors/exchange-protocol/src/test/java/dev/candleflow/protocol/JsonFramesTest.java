package dev.candleflow.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonToken;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFramesTest {

    @Test
    void rejectsEmptyOversizedBrokenAndTrailingInputWithAReason() {
        assertThat(reason("")).isEqualTo("empty_frame");
        assertThat(reason(null)).isEqualTo("empty_frame");
        assertThat(reason("{\"x\":\"" + "a".repeat(JsonFrames.MAX_FRAME_CHARS) + "\"}"))
                .isEqualTo("oversized_frame");
        assertThat(reason("[1]")).isEqualTo("malformed_json");
        assertThat(reason("{\"a\":1}{")).isEqualTo("malformed_json");
        assertThat(reason("{\"a\":")).isEqualTo("malformed_json");
        assertThat(reason("{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}"))
                .isEqualTo("malformed_json");
        assertThat(reason("{\"a\":" + "1".repeat(200) + "}")).isEqualTo("malformed_json");
        assertThat(reason("{\"a\":1}")).isNull();
    }

    @Test
    void keepsTheWireTextOfNumbersAndQuotesStrings() {
        JsonFrames.Decoded<String> d =
                JsonFrames.decode(
                        "{\"qty\":0.00500000}",
                        JsonToken.START_OBJECT,
                        p -> {
                            p.nextToken();
                            String text = JsonFrames.scalar(p, p.nextToken());
                            p.nextToken();
                            return text;
                        });
        assertThat(d.value()).isEqualTo("0.00500000");
        assertThat(JsonFrames.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(SubscribeBatches.jsonArray(List.of("x", "y"))).isEqualTo("[\"x\",\"y\"]");
    }

    private static String reason(String frame) {
        JsonFrames.Decoded<Object> d =
                JsonFrames.decode(
                        frame,
                        JsonToken.START_OBJECT,
                        p -> {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                p.nextToken();
                                p.skipChildren();
                            }
                            return Boolean.TRUE;
                        });
        return d.ok() ? null : d.problem().reason();
    }
}
