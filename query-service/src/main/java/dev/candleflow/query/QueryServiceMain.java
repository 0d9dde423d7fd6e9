package dev.candleflow.query;

import dev.candleflow.query.config.Option;
import dev.candleflow.query.config.QueryServiceConfig;
import dev.candleflow.query.config.QueryServiceConfigLoader;
import dev.candleflow.query.config.QueryServiceOptions;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** The command line of {@link QueryService}: settings, --help, exit codes, Ctrl-C. */
final class QueryServiceMain {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private QueryServiceMain() {}

    /** Runs until the JVM is asked to stop; returns the exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            out.print(help());
            return OK;
        }
        QueryServiceConfig config;
        try {
            config = QueryServiceConfigLoader.fromArgs(args);
        } catch (IllegalArgumentException e) {
            err.println("query-service: " + e.getMessage());
            err.println("Run with --help for every setting.");
            return USAGE;
        }
        QueryService service;
        try {
            service = QueryService.start(config);
        } catch (RuntimeException e) {
            err.println("query-service: cannot start: " + e.getMessage());
            return FAILED;
        }
        out.println(
                "query-service: dashboard " + service.uri() + " , API " + service.uri() + "v1/");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    service.close();
                                    stopped.countDown();
                                },
                                "query-service-stop"));
        stopped.await();
        return OK;
    }

    static String help() {
        StringBuilder b = new StringBuilder();
        b.append("Usage: java -cp 'query-service.jar:lib/*' dev.candleflow.query.QueryService")
                .append(" [--config FILE] [--key value ...]\n\nSettings:\n");
        for (Option<?> o : QueryServiceOptions.all()) {
            b.append(String.format("  --%-28s %s%n", o.key(), o.description()));
            b.append(
                    String.format(
                            "  %-30s default: %s%n",
                            "", o.defaultText().isEmpty() ? "(empty)" : o.defaultText()));
        }
        return b.toString();
    }
}
