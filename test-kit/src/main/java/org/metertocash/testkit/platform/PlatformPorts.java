package org.metertocash.testkit.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.EnumMap;
import java.util.Map;

/** Where the platform listens: fixed ports for the local runner, free ones for the e2e suite and benchmarks. */
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

    public static PlatformPorts free() {
        Map<PlatformService, Integer> http = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            http.put(service, freePort());
        }
        return new PlatformPorts(freePort(), freePort(), http);
    }

    public int http(PlatformService service) {
        return http.get(service);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
