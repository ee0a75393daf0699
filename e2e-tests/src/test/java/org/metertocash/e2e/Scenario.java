package org.metertocash.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.hamcrest.Matcher;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.market.MarketSimulator;
import org.metertocash.testkit.market.TdspFiles;
import org.metertocash.testkit.platform.PlatformService;

import io.restassured.response.Response;

/** The steps of the spine, as an upstream system and the market take them. */
final class Scenario {

    static final Duration WAIT = Duration.ofSeconds(60);
    private static final AtomicLong PREMISE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    static String newOncorEsiId() {
        return String.format("1044372%010d", PREMISE.incrementAndGet());
    }

    static Map<String, Object> enrollment(String esiId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customer", Map.of("name", "Ana Ramirez", "email", "ana@example.com", "phone", "2145550100"));
        body.put("serviceAddress", Map.of("line1", "1200 Elm St", "city", "Dallas", "state", "TX", "zip", "75201",
                "county", "Dallas"));
        body.put("esiId", esiId);
        body.put("productCode", "FIXED-12");
        body.put("billingType", "POSTPAY");
        body.put("requestType", "SWITCH");
        body.put("requestedStartDate", LocalDate.now().plusDays(5).toString());
        return body;
    }

    static Response submit(Map<String, Object> body, String idempotencyKey) {
        return RunningPlatform.as(PlatformService.ENROLLMENT, Api.upstream())
                .header("Idempotency-Key", idempotencyKey).header("X-Correlation-Id", "e2e-" + body.get("esiId"))
                .body(body).post("/enrollments");
    }

    /** The 814 files the gateway wrote for this premise. */
    static List<Path> outboundFilesFor(String esiId) {
        Path folder = RunningPlatform.get().ediOutbound();
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> !f.getFileName().toString().startsWith("."))
                    .filter(f -> contains(f, "REF*Q5*" + esiId + "~")).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Our first enrollment request (814_01 or 814_16) for this premise. */
    static byte[] awaitOutbound814(String esiId) {
        await().atMost(WAIT).until(() -> !requestsFor(esiId).isEmpty());
        try {
            return Files.readAllBytes(requestsFor(esiId).get(0));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> requestsFor(String esiId) {
        return outboundFilesFor(esiId).stream().filter(f -> f.getFileName().toString().matches(".*_814_(01|16)_.*"))
                .sorted().toList();
    }

    /** The first outbound file for this premise that contains the text. */
    static byte[] awaitOutboundFile(String esiId, String containing) {
        await().atMost(WAIT).until(() -> outboundFilesFor(esiId).stream().anyMatch(f -> contains(f, containing)));
        try {
            return Files.readAllBytes(outboundFilesFor(esiId).stream().filter(f -> contains(f, containing))
                    .findFirst().orElseThrow());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A switch taken to ACTIVE the way the market does it: enrolled, accepted with a start in three days, the start
     * confirmed by the utility's initial read (867_04). Returns the enrollment id.
     */
    static String activeSwitch(String esiId, MarketSimulator market, TdspFiles tdsp) {
        String id = submit(enrollment(esiId), java.util.UUID.randomUUID().toString()).then().statusCode(201)
                .extract().path("id");
        LocalDate start = LocalDate.now().plusDays(3);
        postToGateway(market.accept(awaitOutbound814(esiId), start)).then().statusCode(202);
        awaitEnrollmentState(id, "ACCEPTED");
        postToGateway(tdsp.file(tdsp.initialRead(esiId, "M1", start, new java.math.BigDecimal("5000")))).then()
                .statusCode(202);
        awaitEnrollmentState(id, "ACTIVE");
        awaitBillingAccount(esiId);
        return id;
    }

    /** The post-pay product the suite enrolls customers on: the primer's worked example (10.0¢/kWh, $5.00 base, Oncor). */
    static void ensureFixed12() {
        ensureProduct("""
                {"code": "FIXED-12", "name": "Fixed 12", "billingType": "POSTPAY", "termMonths": 12,
                 "tdu": "ONCOR", "energyCharge": {"type": "FLAT", "centsPerKwh": 10.0}, "baseCharge": 5.00}
                """);
    }

    /**
     * A pre-pay product: 10.0¢/kWh on Oncor, warned below $30, disconnectable below $10 (the 16 TAC §25.498 cap),
     * eligible to reconnect at $50 (cap $75).
     */
    static void ensurePrepay10() {
        ensureProduct("""
                {"code": "PREPAY-10", "name": "Pre-pay 10", "billingType": "PREPAY", "termMonths": 0,
                 "tdu": "ONCOR", "energyCharge": {"type": "FLAT", "centsPerKwh": 10.0},
                 "prepay": {"lowBalanceThreshold": 30.00, "disconnectionBalance": 10.00, "connectionBalance": 50.00}}
                """);
    }

    /** Posts a product as admin; a product already in the catalogue is left as it is (products are immutable). */
    private static void ensureProduct(String json) {
        RunningPlatform.as(PlatformService.BILLING, Api.admin()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(json).post("/products").then().statusCode(anyOf(is(200), is(201), is(409)));
    }

    /**
     * A move-in backdated to {@code start} (a move-in may be backdated up to 270 days), accepted by the market and
     * confirmed by the utility's initial read: ACTIVE with a billing account. Returns the enrollment id.
     */
    static String activeMoveIn(String esiId, LocalDate start, String productCode, String billingType,
            MarketSimulator market, TdspFiles tdsp) {
        Map<String, Object> body = enrollment(esiId);
        body.put("requestType", "MOVE_IN");
        body.put("requestedStartDate", start.toString());
        body.put("productCode", productCode);
        body.put("billingType", billingType);
        String id = submit(body, UUID.randomUUID().toString()).then().statusCode(201).extract().path("id");
        postToGateway(market.accept(awaitOutbound814(esiId), start)).then().statusCode(202);
        postToGateway(tdsp.file(tdsp.initialRead(esiId, "M1", start, new java.math.BigDecimal("3000")))).then()
                .statusCode(202);
        awaitEnrollmentState(id, "ACTIVE");
        awaitBillingAccount(esiId);
        return id;
    }

    /** The number of the premise's billing account. */
    static String accountNumber(String esiId) {
        return RunningPlatform.as(PlatformService.BILLING, Api.operations()).get("/billing-accounts/" + esiId).then()
                .statusCode(200).extract().path("accountNumber");
    }

    /** Waits until payment-service knows the account (from billing's events): payments for it are applied, not held. */
    static void awaitPayable(String accountNumber) {
        awaitValue(PlatformService.PAYMENT, "/accounts/" + accountNumber, "accountNumber", equalTo(accountNumber));
    }

    /**
     * The first month after a move-in on {@code start} read by the utility: 1000 kWh over 30 days, which billing bills
     * on the FIXED-12 product (PaymentPostingIT proves the bill: $163.03).
     */
    static void postFirstMonth(String esiId, LocalDate start, TdspFiles tdsp) {
        postToGateway(tdsp.file(tdsp.monthlyUsage(esiId, "M1", start, start.plusDays(30),
                new java.math.BigDecimal("1000")))).then().statusCode(202);
    }

    static Response postToGateway(byte[] file) {
        return RunningPlatform.as(PlatformService.EDI_GATEWAY, Api.upstream()).contentType("application/edi-x12")
                .body(file).post("/edi/inbound");
    }

    static void awaitEnrollmentState(String id, String state) {
        awaitValue(PlatformService.ENROLLMENT, "/enrollments/" + id, "state", equalTo(state));
    }

    static void awaitBillingAccount(String esiId) {
        awaitValue(PlatformService.BILLING, "/billing-accounts/" + esiId, "esiId", equalTo(esiId));
    }

    /** Waits until the service has published everything its outbox holds. */
    static void awaitOutboxDrained(PlatformService service) {
        awaitValue(service, "/status", "outbox.backlog", equalTo(0));
    }

    /** Waits until the service's consumer group has processed (and committed) every record of the topic. */
    static void awaitCaughtUp(PlatformService service, String topic) {
        awaitValue(service, "/status", "consumers.find { it.topic == '" + topic + "' }.lag", equalTo(0));
    }

    /**
     * Polls a GET (as operations) until the value at the JSON path matches; a failure names the last value seen.
     * Polled without REST-assured's validation, so the waiting is not logged as failed requests.
     */
    static <T> T awaitValue(PlatformService service, String path, String jsonPath, Matcher<? super T> matcher) {
        return await().atMost(WAIT).alias(service.module() + " GET " + path + " " + jsonPath)
                .until(() -> Scenario.<T> read(service, path, jsonPath), matcher);
    }

    private static <T> T read(PlatformService service, String path, String jsonPath) {
        Response response = RunningPlatform.as(service, Api.operations()).get(path);
        return response.statusCode() == 200 ? response.path(jsonPath) : null;
    }

    private static boolean contains(Path file, String text) {
        try {
            return Files.readString(file).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private Scenario() {
    }
}
