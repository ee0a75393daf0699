package org.metertocash.testkit.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where the platform listens: the fixed ports of the local runner (services 8081-8085 as {@link PlatformService}
 * lists them, PostgreSQL 15432, Kafka 19092 — chosen off the defaults so a developer's own PostgreSQL or Kafka
 * does not collide), or free loopback ports for the e2e suite and benchmarks.
 */
public record PlatformPorts(int postgres, int kafka, Map<PlatformService, Integer> http) {

    public static final int LOCAL_POSTGRES = 15432;
    public static final int LOCAL_KAFKA = 19092;

    public static PlatformPorts local() {
        Map<PlatformService, Integer> http = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            http.put(service, service.localPort());
        }
        return new PlatformPorts(LOCAL_POSTGRES, LOCAL_KAFKA, http);
    }

    /** Free loopback ports, all different: the sockets are held until every port has been picked. */
    public static PlatformPorts free() {
        List<ServerSocket> held = new ArrayList<>();
        try {
            Map<PlatformService, Integer> http = new EnumMap<>(PlatformService.class);
            for (PlatformService service : PlatformService.values()) {
                http.put(service, hold(held));
            }
            return new PlatformPorts(hold(held), hold(held), http);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is free again either way
                }
            }
        }
    }

    public int http(PlatformService service) {
        return http.get(service);
    }

    /** One free loopback port (for a process started later, e.g. a replica). */
    public static int freePort() {
        List<ServerSocket> held = new ArrayList<>();
        try {
            return hold(held);
        } finally {
            held.forEach(socket -> {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // free again either way
                }
            });
        }
    }

    private static int hold(List<ServerSocket> held) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            held.add(socket);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
