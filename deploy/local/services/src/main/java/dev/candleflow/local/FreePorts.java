package dev.candleflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Picks free TCP ports on 127.0.0.1 and checks whether a port accepts connections. */
public final class FreePorts {

    /** The only address the local services listen on. */
    public static final String HOST = "127.0.0.1";

    private FreePorts() {}

    /** Returns a port that was free a moment ago (the caller retries if it is taken meanwhile). */
    public static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port on " + HOST, e);
        }
    }

    /** Like {@link #pick()}, but never returns {@code taken}. */
    public static int pickOtherThan(int taken) {
        int port = pick();
        while (port == taken) {
            port = pick();
        }
        return port;
    }

    /**
     * Fails if a fixed {@code port} cannot be bound: otherwise a readiness probe could be answered
     * by whatever already listens there. Port 0 (pick a free one) always passes.
     */
    public static void requireFree(String what, int port) throws IOException {
        if (port != 0 && !isFree(port)) {
            throw new BindException(
                    what
                            + " port "
                            + port
                            + " on "
                            + HOST
                            + " is already in use by another"
                            + " process; stop it or choose another port");
        }
    }

    /** True if something accepts TCP connections on {@code HOST:port}. */
    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 200);
            return true;
        } catch (IOException e) {
            return false; // refused or timed out: nobody listens, which is the answer
        }
    }

    /** True if this process could bind {@code HOST:port} right now. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false; // bind failed: the port is taken, which is the answer
        }
    }
}
