package org.metertocash.enrollment;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.metertocash.contracts.edi.MarketEnrollmentAccepted;
import org.metertocash.contracts.edi.MarketEnrollmentCompleted;
import org.metertocash.contracts.edi.MarketEnrollmentRejected;
import org.metertocash.contracts.edi.MarketEnrollmentRequestSent;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.TestProducer;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The EDI gateway's side of the conversation for these tests: publishes the edi.events the gateway would, and
 * reads back what enrollment-service did (its REST state, the rows its outbox wrote).
 */
final class Market implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    private final TestProducer producer = new TestProducer(RealInfrastructure.kafkaBootstrapServers());

    TestProducer producer() {
        return producer;
    }

    /** Submitted, sent and accepted with this scheduled start date. */
    UUID accepted(String esiId, LocalDate start) {
        UUID id = UUID.fromString(Requests.submit(Requests.enrollment(esiId)));
        sent(id, esiId);
        producer.publish(new MarketEnrollmentAccepted(id, esiId, "A" + esiId, "Q" + esiId, start, UUID.randomUUID()));
        awaitState(id, "ACCEPTED");
        return id;
    }

    /** Accepted, then confirmed by the wires utility's 867_04. */
    UUID active(String esiId) {
        LocalDate start = LocalDate.now().plusDays(7);
        UUID id = accepted(esiId, start);
        producer.publish(new MarketEnrollmentCompleted(id, esiId, start, "C" + esiId, UUID.randomUUID()));
        awaitState(id, "ACTIVE");
        return id;
    }

    void sent(UUID id, String esiId) {
        producer.publish(new MarketEnrollmentRequestSent(id, esiId, "814_01", "Q" + esiId, "000000001", "f.x12"));
        awaitState(id, "SENT");
    }

    UUID rejected(String esiId, String reasonCode) {
        UUID id = UUID.fromString(Requests.submit(Requests.enrollment(esiId)));
        producer.publish(new MarketEnrollmentRejected(id, esiId, "R" + esiId, "Q" + esiId, reasonCode,
                "reason " + reasonCode, UUID.randomUUID()));
        awaitState(id, "REJECTED");
        return id;
    }

    static void awaitState(UUID id, String state) {
        await().atMost(WAIT).untilAsserted(() -> Api.operations().get("/enrollments/" + id)
                .then().statusCode(200).body("state", equalTo(state)));
    }

    static long duplicatesIgnored() {
        return ((Number) Api.operations().get("/status").then().statusCode(200)
                .extract().path("inbox.duplicatesIgnored")).longValue();
    }

    /**
     * The events of a type the service wrote to its outbox for a premise. The outbox row is written in the same
     * transaction as the state change, so this count is final as soon as the change is visible.
     */
    static long published(EntityManager em, String esiId, String type) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where subject = ?1 and event_type = ?2")
                .setParameter(1, esiId).setParameter(2, type).getSingleResult()).longValue());
    }

    /** The types of the events written for a premise, in order. */
    @SuppressWarnings("unchecked")
    static List<String> publishedTypes(EntityManager em, String esiId) {
        return QuarkusTransaction.requiringNew().call(() -> (List<String>) em.createNativeQuery(
                "select event_type from outbox_event where subject = ?1 order by seq")
                .setParameter(1, esiId).getResultList());
    }

    @Override
    public void close() {
        producer.close();
    }
}
