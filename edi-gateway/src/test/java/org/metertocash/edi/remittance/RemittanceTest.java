package org.metertocash.edi.remittance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.edi.RemittanceReceived;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.ReceivedEvent;
import org.metertocash.testkit.TopicProbe;
import org.metertocash.testkit.market.ServiceOrderFiles;
import org.metertocash.testkit.market.ServiceOrderFiles.RemittanceLine;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** An 820 remittance posted to /edi/inbound is published with its lines when they add up to the payment. */
@QuarkusTest
class RemittanceTest {

    private static final String PAYER = "1039940674000";
    private static final AtomicLong PREMISE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final ServiceOrderFiles files = new ServiceOrderFiles();

    static RequestSpecification upload(byte[] file) {
        return Api.upstream().contentType("application/edi-x12").body(file);
    }

    static String newEsiId() {
        return String.format("1040052%010d", PREMISE.incrementAndGet());
    }

    /** A payee of its own per test, so the remittances of one test share a key and a partition. */
    static String newPayee() {
        return String.format("%09d", PREMISE.incrementAndGet() % 1_000_000_000L);
    }

    static String newTrace() {
        return "TRC" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
    }

    @Test
    void a_remittance_is_published_with_its_lines_and_exact_amounts() {
        String payee = newPayee();
        String first = newEsiId();
        String second = newEsiId();
        String trace = newTrace();
        LocalDate paid = LocalDate.of(2026, 12, 1);
        byte[] file = files.remittance(PAYER, payee, trace, paid, new BigDecimal("150.75"),
                List.of(new RemittanceLine("INV-1001", first, new BigDecimal("100.50")),
                        new RemittanceLine("INV-1002", second, new BigDecimal("50.25"))));

        String transactionId = upload(file).post("/edi/inbound").then().statusCode(202)
                .body("status", equalTo("PROCESSED"))
                .body("interchanges[0].transactions[0].transactionSet", equalTo("820"))
                .extract().path("interchanges[0].transactions[0].id");

        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.EDI)) {
            ReceivedEvent received = probe.await(e -> RemittanceReceived.TYPE.equals(e.type())
                    && trace.equals(e.as(RemittanceReceived.class).traceNumber()), Duration.ofSeconds(20));
            RemittanceReceived event = received.as(RemittanceReceived.class);
            assertThat(event.payerId()).isEqualTo(PAYER);
            assertThat(event.payeeId()).isEqualTo(payee);
            assertThat(event.paymentDate()).isEqualTo(paid);
            assertThat(event.totalAmount()).isEqualByComparingTo("150.75");
            assertThat(event.lines()).extracting(RemittanceReceived.RemittanceLine::invoiceNumber)
                    .containsExactly("INV-1001", "INV-1002");
            assertThat(event.lines()).extracting(RemittanceReceived.RemittanceLine::esiId)
                    .containsExactly(first, second);
            assertThat(event.lines().get(0).amountPaid()).isEqualByComparingTo("100.50");
            assertThat(event.lines().get(1).amountPaid()).isEqualByComparingTo("50.25");
            // two premises: keyed by the payee
            assertThat(received.subject()).isEqualTo(payee);
            assertThat(event.ediTransactionId().toString()).isEqualTo(transactionId);
        }
        Api.operations().get("/edi/transactions/" + transactionId).then().body("status", equalTo("PROCESSED"))
                .body("bgnReference", equalTo(trace)).body("details.totalAmount", equalTo("150.75"));
    }

    @Test
    void a_remittance_for_one_premise_is_keyed_by_that_premise() {
        String esiId = newEsiId();
        String trace = newTrace();
        byte[] file = files.remittance(PAYER, newPayee(), trace, LocalDate.of(2026, 12, 2), new BigDecimal("75"),
                List.of(new RemittanceLine("INV-2001", esiId, new BigDecimal("25.00")),
                        new RemittanceLine("INV-2002", esiId, new BigDecimal("50.00"))));
        upload(file).post("/edi/inbound").then().statusCode(202);
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.EDI)) {
            RemittanceReceived event = probe.awaitType(RemittanceReceived.TYPE, esiId, Duration.ofSeconds(20))
                    .as(RemittanceReceived.class);
            assertThat(event.traceNumber()).isEqualTo(trace);
            assertThat(event.subjectKey()).isEqualTo(esiId);
            assertThat(event.totalAmount()).isEqualByComparingTo("75.00");
        }
    }

    @Test
    void a_remittance_whose_lines_do_not_add_up_is_failed_queued_and_not_published() {
        String payee = newPayee();
        String unbalanced = newTrace();
        byte[] file = files.remittance(PAYER, payee, unbalanced, LocalDate.of(2026, 12, 3), new BigDecimal("150.00"),
                List.of(new RemittanceLine("INV-3001", newEsiId(), new BigDecimal("100.00")),
                        new RemittanceLine("INV-3002", newEsiId(), new BigDecimal("49.99"))));

        String transactionId = upload(file).post("/edi/inbound").then().statusCode(422)
                .contentType("application/problem+json")
                .body("result.interchanges[0].transactions[0].status", equalTo("FAILED"))
                .extract().path("result.interchanges[0].transactions[0].id");
        Api.operations().get("/edi/transactions/" + transactionId).then().body("status", equalTo("FAILED"))
                .body("errors[0].code", equalTo("UNBALANCED"))
                .body("errors[0].description", containsString("149.99"))
                .body("producedEventId", nullValue());
        Api.operations().queryParam("type", Remittances.UNBALANCED).get("/exceptions").then()
                .body("reference", hasItem(transactionId));

        // a balanced remittance to the same payee after it: same key, same partition, published after it would be
        String marker = newTrace();
        upload(files.remittance(PAYER, payee, marker, LocalDate.of(2026, 12, 3), new BigDecimal("10.00"),
                List.of(new RemittanceLine("INV-3003", newEsiId(), new BigDecimal("4.00")),
                        new RemittanceLine("INV-3004", newEsiId(), new BigDecimal("6.00")))))
                .post("/edi/inbound").then().statusCode(202);
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.EDI)) {
            probe.await(e -> RemittanceReceived.TYPE.equals(e.type())
                    && marker.equals(e.as(RemittanceReceived.class).traceNumber()), Duration.ofSeconds(20));
            assertThat(probe.received()).filteredOn(e -> RemittanceReceived.TYPE.equals(e.type()))
                    .noneMatch(e -> unbalanced.equals(e.as(RemittanceReceived.class).traceNumber()));
        }
    }

    @Test
    void a_remittance_resent_with_a_trace_number_already_applied_is_failed() {
        String trace = newTrace();
        String payee = newPayee();
        List<RemittanceLine> lines = List.of(new RemittanceLine("INV-4001", newEsiId(), new BigDecimal("20.00")),
                new RemittanceLine("INV-4002", newEsiId(), new BigDecimal("30.00")));
        upload(files.remittance(PAYER, payee, trace, LocalDate.of(2026, 12, 4), new BigDecimal("50.00"), lines))
                .post("/edi/inbound").then().statusCode(202);
        // the same payment again in a new interchange (a new ISA13, so not an interchange duplicate)
        String again = upload(files.remittance(PAYER, payee, trace, LocalDate.of(2026, 12, 4),
                new BigDecimal("50.00"), lines)).post("/edi/inbound").then().statusCode(422)
                .extract().path("result.interchanges[0].transactions[0].id");
        Api.operations().get("/edi/transactions/" + again).then().body("status", equalTo("FAILED"))
                .body("errors[0].code", equalTo("DUPLICATE_TRACE")).body("producedEventId", nullValue());
    }
}
