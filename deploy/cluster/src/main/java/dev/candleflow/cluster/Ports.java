package dev.candleflow.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on the loopback address the cluster listens on. */
final class Ports {

    static final String HOST = "127.0.0.1";

    private Ports() {}

    /** A port that was free a moment ago. */
    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on " + HOST, e);
        }
    }

    /** {@code port} itself, or a free one for 0. */
    static int orFree(int port) {
        return port == 0 ? free() : port;
    }

    /** True if this process could bind {@code HOST:port} now. */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort() == port;
        } catch (IOException e) {
            return false; // the bind failed: taken, which is the answer
        }
    }
}
