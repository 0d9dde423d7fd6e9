package dev.candleflow.query.testutils;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;

/**
 * Checks real responses against the service's own {@code /openapi.json}: status documented, content
 * type, headers and the body's schema.
 */
public final class Contract {

    private final OpenApiInteractionValidator validator;

    public Contract(String openApiJson) {
        this.validator =
                OpenApiInteractionValidator.createForInlineApiSpecification(openApiJson).build();
    }

    /** Asserts the response to a GET is what the document says; returns it. */
    public HttpResponse<String> check(HttpResponse<String> response) {
        URI uri = response.request().uri();
        SimpleResponse.Builder b =
                SimpleResponse.Builder.status(response.statusCode()).withBody(response.body());
        response.headers()
                .map()
                .forEach((name, values) -> b.withHeader(name, values.toArray(String[]::new)));
        ValidationReport report =
                validator.validateResponse(uri.getPath(), Request.Method.GET, b.build());
        assertThat(report.hasErrors())
                .as(
                        "GET %s -> %d matches /openapi.json: %s%nbody: %s",
                        uri,
                        response.statusCode(),
                        report.getMessages().stream()
                                .map(m -> m.getKey() + ": " + m.getMessage())
                                .collect(Collectors.joining("; ")),
                        response.body().length() > 600
                                ? response.body().substring(0, 600)
                                : response.body())
                .isFalse();
        return response;
    }
}
