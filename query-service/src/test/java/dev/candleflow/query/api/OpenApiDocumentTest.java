package dev.candleflow.query.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI document parses, and documents every route the service has. */
class OpenApiDocumentTest {

    @Test
    void documentIsValidAndComplete() throws Exception {
        String doc;
        try (InputStream in =
                getClass().getResourceAsStream("/dev/candleflow/query/openapi.json")) {
            doc = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        OpenApiInteractionValidator.createForInlineApiSpecification(doc).build();
        JsonNode paths = Json.MAPPER.readTree(doc).get("paths");
        List<String> documented = new ArrayList<>();
        paths.fieldNames().forEachRemaining(documented::add);
        assertThat(documented)
                .containsExactlyInAnyOrder(
                        "/v1/candles",
                        "/v1/prices/latest",
                        "/v1/outliers",
                        "/v1/venues/health",
                        "/v1/symbols",
                        "/v1/stream/candles",
                        "/health",
                        "/metrics",
                        "/openapi.json");
        assertThat(CandlesEndpoint.PARAMS)
                .allSatisfy(
                        p ->
                                assertThat(paths.get("/v1/candles").toString())
                                        .contains("\"" + p + "\""));
        assertThat(OutliersEndpoint.PARAMS)
                .allSatisfy(
                        p ->
                                assertThat(paths.get("/v1/outliers").toString())
                                        .contains("\"" + p + "\""));
    }
}
