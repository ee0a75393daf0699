package org.metertocash.edi.usage;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.persistence.EntityManager;

import org.metertocash.contracts.common.BillingType;
import org.metertocash.contracts.common.Customer;
import org.metertocash.contracts.common.RequestType;
import org.metertocash.contracts.common.ServiceAddress;
import org.metertocash.contracts.enrollment.EnrollmentSubmitted;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.TestProducer;
import org.metertocash.testkit.market.TdspFiles;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;

/**
 * Test fixtures for the TDSP's data sets: premises the gateway knows because it sent an enrollment request for
 * them (an {@link EnrollmentSubmitted} published, the 814 logged), premises it never heard of, uploads, and what
 * reached the outbox for a premise.
 */
public final class EnrolledPremises {

    // 10443721...: a range of Oncor ESI IDs no other test of the module uses
    private static final AtomicLong PREMISE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    public static String newEsiId() {
        return String.format("10443721%09d", PREMISE.incrementAndGet() % 1_000_000_000L);
    }

    /** Has the gateway send an 814_01 for a new premise and waits until it is logged. */
    public static EnrollmentSubmitted enroll(TestProducer producer) {
        EnrollmentSubmitted submitted = new EnrollmentSubmitted(UUID.randomUUID(), newEsiId(), "ONCOR",
                TdspFiles.ONCOR_DUNS, RequestType.SWITCH, LocalDate.now().plusDays(5),
                new Customer("Ana Ramirez", "ana@example.com", "2145550100"),
                new ServiceAddress("1200 Elm St", null, "Dallas", "TX", "75201", "Dallas"), "FIXED-12",
                BillingType.POSTPAY, null);
        producer.publish(submitted);
        await().atMost(Duration.ofSeconds(30)).until(() -> !Api.operations().queryParam("esiId", submitted.esiId())
                .queryParam("direction", "OUTBOUND").get("/edi/transactions").then().statusCode(200).extract()
                .jsonPath().getList("$").isEmpty());
        return submitted;
    }

    public static RequestSpecification upload(byte[] file) {
        return Api.upstream().contentType("application/edi-x12").body(file);
    }

    /** The event types written to the outbox for a premise: what will be (or was) published for it. */
    public static List<String> outboxTypes(EntityManager em, String esiId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select o.eventType from OutboxEvent o where o.subject = ?1 order by o.seq", String.class)
                .setParameter(1, esiId).getResultList());
    }

    private EnrolledPremises() {
    }
}
