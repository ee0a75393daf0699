package org.metertocash.edi.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.metertocash.edi.usage.EnrolledPremises.enroll;
import static org.metertocash.edi.usage.EnrolledPremises.outboxTypes;
import static org.metertocash.edi.usage.EnrolledPremises.upload;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.edi.MarketEnrollmentCompleted;
import org.metertocash.contracts.edi.MarketEnrollmentRequestSent;
import org.metertocash.contracts.enrollment.EnrollmentSubmitted;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.ReceivedEvent;
import org.metertocash.testkit.TestProducer;
import org.metertocash.testkit.TopicProbe;
import org.metertocash.testkit.market.TdspFiles;

import io.quarkus.test.junit.QuarkusTest;

/** 867_04: the TDSP's initial meter read completes our enrollment. */
@QuarkusTest
class InitialReadsTest {

    private static TestProducer producer;
    private final TdspFiles tdsp = new TdspFiles();

    @Inject
    EntityManager em;

    @BeforeAll
    static void connect() {
        producer = new TestProducer(RealInfrastructure.kafkaBootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    @Test
    void an_initial_read_completes_our_enrollment_in_its_flow() {
        EnrollmentSubmitted submitted = enroll(producer);
        LocalDate start = LocalDate.now().plusDays(5);
        TdspFiles.Usage read = tdsp.initialRead(submitted.esiId(), "M1", start, new BigDecimal("51200"));

        String transactionId = upload(tdsp.file(read)).post("/edi/inbound").then().statusCode(202)
                .body("interchanges[0].transactions[0].transactionSet", equalTo("867_04"))
                .body("interchanges[0].transactions[0].status", equalTo("PROCESSED"))
                .extract().path("interchanges[0].transactions[0].id");

        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.EDI)) {
            ReceivedEvent sent = probe.awaitType(MarketEnrollmentRequestSent.TYPE, submitted.esiId(),
                    Duration.ofSeconds(20));
            ReceivedEvent completed = probe.awaitType(MarketEnrollmentCompleted.TYPE, submitted.esiId(),
                    Duration.ofSeconds(20));
            MarketEnrollmentCompleted event = completed.as(MarketEnrollmentCompleted.class);
            assertThat(event.enrollmentId()).isEqualTo(submitted.enrollmentId());
            assertThat(event.serviceStartDate()).isEqualTo(start);
            assertThat(event.bgnReference()).isEqualTo(read.reference());
            assertThat(event.ediTransactionId()).hasToString(transactionId);
            assertThat(completed.correlationId()).isEqualTo(sent.correlationId());
            assertThat(completed.causationId()).isEqualTo(sent.id());
            Api.operations().get("/edi/transactions/" + transactionId).then().statusCode(200)
                    .body("status", equalTo("PROCESSED"))
                    .body("enrollmentId", equalTo(submitted.enrollmentId().toString()))
                    .body("producedEventId", equalTo(completed.id()))
                    .body("details.serviceStartDate", equalTo(start.toString()));
        }
    }

    @Test
    void an_initial_read_without_a_start_date_is_failed_and_queued() {
        EnrollmentSubmitted submitted = enroll(producer);
        TdspFiles.Usage read = tdsp.initialRead(submitted.esiId(), "M1", LocalDate.now(), BigDecimal.ONE);
        String text = new String(tdsp.file(read)).replaceFirst("DTM\\*150\\*\\d{8}~\\s*", "")
                .replaceFirst("SE\\*(\\d+)\\*", "SE*" + (tdsp.body(read).size() + 1) + "*");

        String transactionId = upload(text.getBytes()).post("/edi/inbound").then().statusCode(422)
                .body("result.interchanges[0].transactions[0].status", equalTo("FAILED"))
                .body("result.interchanges[0].transactions[0].errors[0]", containsString("DTM*150"))
                .extract().path("result.interchanges[0].transactions[0].id");
        Api.operations().queryParam("type", UsageReports.USAGE_INVALID).get("/exceptions").then()
                .body("reference", hasItem(transactionId));
        assertThat(outboxTypes(em, submitted.esiId())).doesNotContain(MarketEnrollmentCompleted.TYPE);
    }
}
