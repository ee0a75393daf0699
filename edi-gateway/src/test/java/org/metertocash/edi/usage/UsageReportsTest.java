package org.metertocash.edi.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.metertocash.edi.usage.EnrolledPremises.enroll;
import static org.metertocash.edi.usage.EnrolledPremises.outboxTypes;
import static org.metertocash.edi.usage.EnrolledPremises.upload;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.edi.UsageReported;
import org.metertocash.edi.premises.KnownPremises;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.ReceivedEvent;
import org.metertocash.testkit.TestProducer;
import org.metertocash.testkit.TopicProbe;
import org.metertocash.testkit.market.TdspFiles;
import org.metertocash.testkit.market.TdspFiles.MeterUsage;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** 867_03 usage from the wires utility, posted as a file, to UsageReported on edi.events and the transaction log. */
@QuarkusTest
class UsageReportsTest {

    private static final LocalDate JUNE = LocalDate.of(2026, 6, 1);
    private static final LocalDate JULY = LocalDate.of(2026, 7, 1);

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

    static TopicProbe probe() {
        return new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.EDI);
    }

    static UsageReported awaitUsage(TopicProbe probe, String esiId, String reference, String meter) {
        return probe.await(e -> UsageReported.TYPE.equals(e.type()) && esiId.equals(e.subject())
                && reference.equals(e.json().path("bgnReference").asText())
                && meter.equals(e.json().path("meterNumber").asText()), Duration.ofSeconds(20)).as(UsageReported.class);
    }

    static ValidatableResponse logged(String esiId, String set) {
        return Api.operations().queryParam("esiId", esiId).queryParam("set", set).get("/edi/transactions").then()
                .statusCode(200);
    }

    @Test
    void monthly_usage_of_two_meters_is_one_event_per_meter_and_a_processed_867_03() {
        String esiId = enroll(producer).esiId();
        TdspFiles.Usage usage = tdsp.usage(esiId,
                MeterUsage.monthly("M100", JUNE, JULY, new BigDecimal("1234.5"))
                        .withReadings(new BigDecimal("40000"), new BigDecimal("41234.5")),
                MeterUsage.monthly("M200", JUNE, JULY, new BigDecimal("310.25")).withDemand(new BigDecimal("7.5"))
                        .asEstimated());

        String transactionId = upload(tdsp.file(usage)).post("/edi/inbound").then().statusCode(202)
                .body("status", equalTo("PROCESSED"))
                .body("interchanges[0].transactions[0].transactionSet", equalTo("867_03"))
                .body("interchanges[0].transactions[0].status", equalTo("PROCESSED"))
                .extract().path("interchanges[0].transactions[0].id");

        try (TopicProbe probe = probe()) {
            UsageReported first = awaitUsage(probe, esiId, usage.reference(), "M100");
            assertThat(first.purpose()).isEqualTo("ORIGINAL");
            assertThat(first.periodStart()).isEqualTo(JUNE);
            assertThat(first.periodEnd()).isEqualTo(JULY);
            assertThat(first.totalKwh()).isEqualByComparingTo("1234.5");
            assertThat(first.readingQuality()).isEqualTo("ACTUAL");
            assertThat(first.demandKw()).isNull();
            assertThat(first.intervalStart()).isNull();
            assertThat(first.intervalMinutes()).isNull();
            assertThat(first.intervalKwh()).isEmpty();
            assertThat(first.finalRead()).isFalse();
            assertThat(first.originalReference()).isNull();
            assertThat(first.ediTransactionId()).hasToString(transactionId);
            UsageReported second = awaitUsage(probe, esiId, usage.reference(), "M200");
            assertThat(second.totalKwh()).isEqualByComparingTo("310.25");
            assertThat(second.demandKw()).isEqualByComparingTo("7.5");
            assertThat(second.readingQuality()).isEqualTo("ESTIMATED");
            ReceivedEvent last = probe.await(e -> UsageReported.TYPE.equals(e.type())
                    && e.json().path("meterNumber").asText().equals("M200") && esiId.equals(e.subject()),
                    Duration.ofSeconds(5));
            // unsolicited market data starts its own flow, correlated with the inbound transaction
            assertThat(last.correlationId()).isEqualTo(transactionId);
            assertThat(last.causationId()).isNull();
            logged(esiId, "867_03").body("$", hasSize(1)).body("[0].status", equalTo("PROCESSED"))
                    .body("[0].direction", equalTo("INBOUND"))
                    .body("[0].bgnReference", equalTo(usage.reference()))
                    .body("[0].producedEventId", equalTo(last.id()))
                    .body("[0].details.purpose", equalTo("ORIGINAL"))
                    .body("[0].details.meters.meterNumber", contains("M100", "M200"))
                    .body("[0].details.meters[1].readingQuality", equalTo("ESTIMATED"));
        }
        assertThat(outboxTypes(em, esiId)).filteredOn(UsageReported.TYPE::equals).hasSize(2);
    }

    @Test
    void a_month_of_15_minute_interval_data_is_one_event_carrying_all_2880_values() {
        String esiId = enroll(producer).esiId();
        TdspFiles.Usage usage = tdsp.intervalUsage(esiId, "IDR1", JUNE, JULY);
        List<BigDecimal> values = usage.meters().get(0).intervalKwh();
        assertThat(values).hasSize(96 * 30);

        upload(tdsp.file(usage)).post("/edi/inbound").then().statusCode(202).body("status", equalTo("PROCESSED"));

        try (TopicProbe probe = probe()) {
            UsageReported event = awaitUsage(probe, esiId, usage.reference(), "IDR1");
            assertThat(event.intervalStart()).isEqualTo(Instant.parse("2026-06-01T05:00:00Z"));
            assertThat(event.intervalMinutes()).isEqualTo(15);
            assertThat(event.intervalKwh()).usingElementComparator(BigDecimal::compareTo).containsExactlyElementsOf(values);
            assertThat(event.totalKwh()).isEqualByComparingTo(values.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        logged(esiId, "867_03").body("[0].details.meters[0].intervalCount", equalTo(2880))
                .body("[0].details.meters[0].intervalMinutes", equalTo(15))
                .body("[0].details.meters[0].intervalStart", equalTo("2026-06-01T05:00:00Z"));
        // one event for the meter's month, not one per interval
        assertThat(outboxTypes(em, esiId)).filteredOn(UsageReported.TYPE::equals).hasSize(1);
    }

    @Test
    void a_cancel_and_a_final_replacement_quote_the_original_usage_document() {
        String esiId = enroll(producer).esiId();
        TdspFiles.Usage original = tdsp.monthlyUsage(esiId, "M1", JUNE, JULY, new BigDecimal("900"));
        upload(tdsp.file(original)).post("/edi/inbound").then().statusCode(202);
        TdspFiles.Usage cancel = tdsp.cancel(original);
        TdspFiles.Usage replace = tdsp.replace(original, MeterUsage.monthly("M1", JUNE, JULY,
                new BigDecimal("950"))).asFinal();

        // both in one interchange, the cancel first, as a TDSP restates usage
        upload(tdsp.file(cancel, replace)).post("/edi/inbound").then().statusCode(202)
                .body("interchanges[0].transactions.status", contains("PROCESSED", "PROCESSED"));

        try (TopicProbe probe = probe()) {
            UsageReported cancelled = awaitUsage(probe, esiId, cancel.reference(), "M1");
            assertThat(cancelled.purpose()).isEqualTo("CANCEL");
            assertThat(cancelled.originalReference()).isEqualTo(original.reference());
            assertThat(cancelled.totalKwh()).isEqualByComparingTo("900");
            UsageReported replaced = awaitUsage(probe, esiId, replace.reference(), "M1");
            assertThat(replaced.purpose()).isEqualTo("REPLACE");
            assertThat(replaced.originalReference()).isEqualTo(original.reference());
            assertThat(replaced.totalKwh()).isEqualByComparingTo("950");
            assertThat(replaced.finalRead()).isTrue();
        }
        logged(esiId, "867_03").body("$", hasSize(3)).body("status", contains("PROCESSED", "PROCESSED", "PROCESSED"))
                .body("originalReference", hasItem(original.reference()));
    }

    @Test
    void usage_for_an_esi_id_we_never_enrolled_is_held_not_published() {
        String stranger = EnrolledPremises.newEsiId();
        TdspFiles.Usage usage = tdsp.monthlyUsage(stranger, "M1", JUNE, JULY, new BigDecimal("500"));

        String transactionId = upload(tdsp.file(usage)).post("/edi/inbound").then().statusCode(422)
                .contentType("application/problem+json")
                .body("result.interchanges[0].transactions[0].status", equalTo("FAILED"))
                .body("result.interchanges[0].transactions[0].transactionSet", equalTo("867_03"))
                .extract().path("result.interchanges[0].transactions[0].id");

        Api.operations().queryParam("type", KnownPremises.UNKNOWN_ESI_ID).queryParam("esiId", stranger)
                .get("/exceptions").then().statusCode(200).body("reference", contains(transactionId));
        logged(stranger, "867_03").body("[0].status", equalTo("FAILED")).body("[0].producedEventId", nullValue())
                .body("[0].errors[0].code", equalTo("UNKNOWN_ESI_ID"));
        assertThat(outboxTypes(em, stranger)).isEmpty();
    }

    @Test
    void usage_that_makes_no_business_sense_is_failed_with_a_work_item_and_nothing_is_published() {
        String esiId = enroll(producer).esiId();
        List<BigDecimal> oneDay = TdspFiles.intervalProfile("x", JUNE, JUNE.plusDays(1), 15);
        List<TdspFiles.Usage> nonsense = List.of(
                tdsp.usage(esiId, MeterUsage.monthly("M1", JULY, JUNE, new BigDecimal("100"))),
                tdsp.usage(esiId, MeterUsage.interval("M1", JUNE, JUNE.plusDays(2), 15, oneDay)),
                tdsp.usage(esiId, MeterUsage.monthly("M1", JUNE, JULY, new BigDecimal("-40"))),
                tdsp.cancel(tdsp.monthlyUsage(esiId, "M1", JUNE, JULY, BigDecimal.TEN)));
        List<String> reasons = List.of("on or before it starts", "expected 192", "negative kWh",
                "which we never applied");
        for (int i = 0; i < nonsense.size(); i++) {
            String transactionId = upload(tdsp.file(nonsense.get(i))).post("/edi/inbound").then().statusCode(422)
                    .body("result.interchanges[0].transactions[0].status", equalTo("FAILED"))
                    .body("result.interchanges[0].transactions[0].errors[0]", containsString(reasons.get(i)))
                    .extract().path("result.interchanges[0].transactions[0].id");
            Api.operations().get("/edi/transactions/" + transactionId).then().statusCode(200)
                    .body("status", equalTo("FAILED")).body("producedEventId", nullValue())
                    .body("details.problems[0]", containsString(reasons.get(i)))
                    .body("rawSegments", notNullValue());
            Api.operations().queryParam("type", UsageReports.USAGE_INVALID).queryParam("esiId", esiId)
                    .get("/exceptions").then().statusCode(200).body("reference", hasItem(transactionId));
        }
        assertThat(outboxTypes(em, esiId)).doesNotContain(UsageReported.TYPE);
    }

    @Test
    void the_same_usage_document_in_a_new_interchange_is_not_applied_twice() {
        String esiId = enroll(producer).esiId();
        TdspFiles.Usage usage = tdsp.monthlyUsage(esiId, "M1", JUNE, JULY, new BigDecimal("700"));
        upload(tdsp.file(usage)).post("/edi/inbound").then().statusCode(202);

        upload(tdsp.file(usage)).post("/edi/inbound").then().statusCode(422)
                .body("result.interchanges[0].transactions[0].errors[0]", containsString("already applied"));

        assertThat(outboxTypes(em, esiId)).filteredOn(UsageReported.TYPE::equals).hasSize(1);
    }
}
