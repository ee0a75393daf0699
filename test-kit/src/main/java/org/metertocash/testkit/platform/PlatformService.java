package org.metertocash.testkit.platform;

/** The five services: module folder, database, and the fixed port they use locally. */
public enum PlatformService {
    ENROLLMENT("enrollment-service", "enrollment", 8081),
    BILLING("billing-service", "billing", 8082),
    PAYMENT("payment-service", "payment", 8083),
    DUNNING("dunning-service", "dunning", 8084),
    EDI_GATEWAY("edi-gateway", "edi", 8085);

    private final String module;
    private final String database;
    private final int localPort;

    PlatformService(String module, String database, int localPort) {
        this.module = module;
        this.database = database;
        this.localPort = localPort;
    }

    public String module() {
        return module;
    }

    public String database() {
        return database;
    }

    public int localPort() {
        return localPort;
    }
}
