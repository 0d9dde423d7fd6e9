package dev.candleflow.query.testutils;

import dev.candleflow.local.ClickHouseExtension;
import dev.candleflow.local.KafkaExtension;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link Pipeline} per test run (shared by every ITCase class, closed when the run
 * ends). Register it after {@link ClickHouseExtension} and {@link KafkaExtension}:
 *
 * <pre>{@code
 * @ExtendWith({ClickHouseExtension.class, KafkaExtension.class, PipelineExtension.class})
 * class SomeITCase {
 *     @Test
 *     void works(Pipeline pipeline) { ... }
 * }
 * }</pre>
 */
public final class PipelineExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS =
            ExtensionContext.Namespace.create(PipelineExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        pipeline(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Pipeline.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return pipeline(context);
    }

    static Pipeline pipeline(ExtensionContext context) {
        return context.getRoot()
                .getStore(NS)
                .getOrComputeIfAbsent(Resource.class, k -> Resource.start(), Resource.class)
                .pipeline;
    }

    /** The run-scoped resource JUnit closes when the run ends. */
    static final class Resource implements ExtensionContext.Store.CloseableResource {
        final Pipeline pipeline;

        Resource(Pipeline pipeline) {
            this.pipeline = pipeline;
        }

        static Resource start() {
            try {
                return new Resource(
                        Pipeline.start(ClickHouseExtension.server(), KafkaExtension.server()));
            } catch (Exception e) {
                throw new IllegalStateException(
                        "Cannot start the pipeline for the query service ITs", e);
            }
        }

        @Override
        public void close() {
            pipeline.close();
        }
    }
}
