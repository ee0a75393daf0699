package org.metertocash.enrollment;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.metertocash.testkit.Api;

/** Request builders shared by the tests of this module. */
final class Requests {

    private static final AtomicLong PREMISE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    /** A fresh Oncor ESI ID (17 digits, prefix 1044372) per call, so tests never share a premise. */
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

    static String submit(Map<String, Object> body) {
        return Api.upstreamOnce().body(body)
                .post("/enrollments").then().statusCode(201).extract().path("id");
    }

    private Requests() {
    }
}
