package dev.candleflow.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service per JUnit run: started on first use into a fresh temp dir, kept in the root {@link
 * ExtensionContext} store and closed (dir deleted) when the run ends or the JVM exits.
 */
final class RunScopedService<S extends AutoCloseable> {

    private static final Logger LOG = LoggerFactory.getLogger(RunScopedService.class);

    /** Starts the service with its data in the given (fresh) directory. */
    @FunctionalInterface
    interface Starter<S> {
        S start(Path dataDir) throws IOException;
    }

    private final String name;
    private final Class<S> type;
    private final Starter<S> starter;
    // The service of the run that started first in this JVM, for the extensions' static
    // accessors, which get no ExtensionContext. Set on start and cleared on close of that run.
    private final AtomicReference<S> current = new AtomicReference<>();

    RunScopedService(String name, Class<S> type, Starter<S> starter) {
        this.name = name;
        this.type = type;
        this.starter = starter;
    }

    Class<S> type() {
        return type;
    }

    /** The service of the run {@code context} belongs to, started on first call. */
    S get(ExtensionContext context) {
        ExtensionContext.Store store =
                context.getRoot().getStore(Namespace.create(RunScopedService.class, name));
        Resource<?> resource =
                store.getOrComputeIfAbsent(type, key -> startResource(), Resource.class);
        return type.cast(resource.service);
    }

    /** The running service, for static accessors; fails if no test has started it. */
    S current(String extensionName) {
        S service = current.get();
        if (service == null) {
            throw new IllegalStateException(
                    String.format(
                            "No %s is running: annotate the test class with @ExtendWith(%s.class)"
                                + " or register it with @RegisterExtension, and call this from a"
                                + " test or a @BeforeAll/@BeforeEach method, not a static"
                                + " initializer",
                            name, extensionName));
        }
        return service;
    }

    private Resource<S> startResource() {
        Path dir;
        try {
            dir = Files.createTempDirectory("candleflow-" + name + "-");
        } catch (IOException e) {
            throw new ExtensionConfigurationException("Cannot create a temp dir for " + name, e);
        }
        S service;
        try {
            service = starter.start(dir);
        } catch (IOException | RuntimeException e) {
            deleteDir(dir);
            throw new ExtensionConfigurationException(
                    "Cannot start " + name + " for this test run (data dir " + dir + ")", e);
        }
        LOG.info("Started {} for this test run: {}", name, service);
        current.compareAndSet(null, service);
        return new Resource<>(this, service, dir);
    }

    private void release(S service, Path dir) {
        current.compareAndSet(service, null);
        try {
            service.close();
        } catch (Exception e) {
            LOG.warn("Failed to stop {} ({})", name, service, e);
        }
        deleteDir(dir);
    }

    private void deleteDir(Path dir) {
        try {
            FileTrees.deleteRecursively(dir);
        } catch (IOException e) {
            LOG.warn("Failed to delete the {} data dir {}", name, dir, e);
        }
    }

    /** The store value: JUnit closes it when the run ends; a shutdown hook is the backstop. */
    private static final class Resource<S extends AutoCloseable>
            implements ExtensionContext.Store.CloseableResource {

        private final RunScopedService<S> owner;
        private final S service;
        private final Path dir;
        private final Thread shutdownHook;
        private final AtomicBoolean closed = new AtomicBoolean();

        Resource(RunScopedService<S> owner, S service, Path dir) {
            this.owner = owner;
            this.service = service;
            this.dir = dir;
            this.shutdownHook = new Thread(this::release, "candleflow-" + owner.name + "-stop");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }

        @Override
        public void close() {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                LOG.debug("JVM already shutting down; the hook stops {}", owner.name, e);
            }
            release();
        }

        private void release() {
            if (closed.compareAndSet(false, true)) {
                owner.release(service, dir);
            }
        }
    }
}
