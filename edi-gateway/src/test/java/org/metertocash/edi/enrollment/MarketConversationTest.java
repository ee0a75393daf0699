package org.metertocash.edi.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.common.RequestType;
import org.metertocash.contracts.edi.LossNoticeReceived;
import org.metertocash.contracts.edi.MarketCancelSent;
import org.metertocash.contracts.edi.MarketEnrollmentRequestSent;
import org.metertocash.contracts.edi.MoveOutCompleted;
import org.metertocash.contracts.edi.MoveOutRejected;
import org.metertocash.contracts.edi.MoveOutRequestSent;
import org.metertocash.contracts.edi.SwitchHoldAdded;
import org.metertocash.contracts.edi.SwitchHoldRemoved;
import org.metertocash.contracts.enrollment.EnrollmentCancelled;
import org.metertocash.contracts.enrollment.EnrollmentSubmitted;
import org.metertocash.contracts.enrollment.MoveOutRequested;
import org.metertocash.edi.Market;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.TestProducer;
import org.metertocash.testkit.TopicProbe;
import org.metertocash.testkit.market.MarketSimulator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** The 814 conversation beyond the first request: cancels, move-outs, loss notices, switch holds, resubmissions. */
@QuarkusTest
class MarketConversationTest {

    private static final String OUR_DUNS = "148862012";
    private static final String ONCOR = "1039940674000";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TestProducer producer;
    private final MarketSimulator market = new MarketSimulator();

    @BeforeAll
    static void connect() {
        producer = new TestProducer(RealInfrastructure.kafkaBootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    private static RequestSpecification upload(byte[] file) {
        return Api.upstream().contentType("application/edi-x12").body(file);
    }

    private static String text(byte[] file) {
        return new String(file, StandardCharsets.US_ASCII);
    }

    private EnrollmentSubmitted sentRequest(RequestType type) {
        EnrollmentSubmitted submitted = Market.submitted(Market.newEsiId(), type);
        producer.publish(submitted);
        Market.awaitFileFor(submitted.esiId(), type == RequestType.MOVE_IN ? "814_16" : "814_01");
        return submitted;
    }

    @Test
    void a_cancelled_enrollment_the_market_knows_gets_an_814_08_quoting_the_request_and_its_answer_closes_it() {
        EnrollmentSubmitted submitted = sentRequest(RequestType.MOVE_IN);
        String request = text(Market.awaitFileFor(submitted.esiId(), "814_16"));
        String requestReference = request.substring(request.indexOf("BGN*13*") + 7).split("[*~]")[0];

        producer.publish(new EnrollmentCancelled(submitted.enrollmentId(), submitted.esiId(), "customer changed mind",
                true));
        byte[] cancel = Market.awaitFileFor(submitted.esiId(), "814_08");
        assertThat(text(cancel)).contains("BGN*01*").contains("*" + requestReference + "~")
                .contains("LIN*1*SH*EL*SH*MVI").contains("ASI*7*002").contains("N1*8S*ONCOR*1*" + ONCOR);
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.EDI)) {
            MarketCancelSent sent = probe.awaitType(MarketCancelSent.TYPE, submitted.esiId(), WAIT)
                    .as(MarketCancelSent.class);
            assertThat(sent.originalReference()).isEqualTo(requestReference);
            assertThat(sent.enrollmentId()).isEqualTo(submitted.enrollmentId());
        }
        upload(market.acceptCancel(cancel)).post("/edi/inbound").then().statusCode(202)
                .body("interchanges[0].transactions[0].transactionSet", equalTo("814_09"));
        Api.operations().queryParam("esiId", submitted.esiId()).queryParam("direction", "OUTBOUND")
                .get("/edi/transactions").then().statusCode(200)
                .body("find { it.transactionSet == '814_08' }.status", equalTo("ANSWERED"));
    }

    @Test
    void a_cancel_the_market_never_saw_sends_nothing_and_a_cancel_announced_twice_sends_one() throws Exception {
        EnrollmentSubmitted submitted = sentRequest(RequestType.SWITCH);
        producer.publish(new EnrollmentCancelled(submitted.enrollmentId(), submitted.esiId(), "never sent", false));
        EnrollmentCancelled cancelled = new EnrollmentCancelled(submitted.enrollmentId(), submitted.esiId(), "dup",
                true);
        producer.publish(cancelled);
        producer.publish(cancelled);
        Market.awaitFileFor(submitted.esiId(), "814_08");
        // the gateway applies one partition in order: a marker published after them proves they were all handled
        EnrollmentSubmitted marker = Market.submitted(submitted.esiId(), RequestType.SWITCH);
        producer.publish(new EnrollmentCancelled(marker.enrollmentId(), marker.esiId(), "unknown enrollment", true));
        producer.publish(new MoveOutRequested(submitted.enrollmentId(), submitted.esiId(), ONCOR,
                LocalDate.now().plusDays(9)));
        Market.awaitFileFor(submitted.esiId(), "814_24");
        assertThat(Market.filesFor(submitted.esiId()))
                .filteredOn(f -> f.getFileName().toString().contains("_814_08_")).hasSize(1);
    }

    @Test
    void a_move_out_goes_out_as_an_814_24_and_the_814_25_completes_it() {
        EnrollmentSubmitted submitted = sentRequest(RequestType.SWITCH);
        LocalDate lastDay = LocalDate.now().plusDays(12);
        producer.publish(new MoveOutRequested(submitted.enrollmentId(), submitted.esiId(), ONCOR, lastDay));
        byte[] moveOut = Market.awaitFileFor(submitted.esiId(), "814_24");
        assertThat(text(moveOut)).contains("LIN*1*SH*EL*SH*MVO").contains("DTM*151*"
                + lastDay.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));

        upload(market.acceptMoveOut(moveOut)).post("/edi/inbound").then().statusCode(202)
                .body("interchanges[0].transactions[0].transactionSet", equalTo("814_25"));
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.EDI)) {
            MoveOutRequestSent sent = probe.awaitType(MoveOutRequestSent.TYPE, submitted.esiId(), WAIT)
                    .as(MoveOutRequestSent.class);
            MoveOutCompleted completed = probe.awaitType(MoveOutCompleted.TYPE, submitted.esiId(), WAIT)
                    .as(MoveOutCompleted.class);
            assertThat(completed.serviceEndDate()).isEqualTo(lastDay);
            assertThat(completed.enrollmentId()).isEqualTo(submitted.enrollmentId());
            assertThat(completed.originalReference()).isEqualTo(sent.bgnReference());
        }
    }

    @Test
    void a_refused_move_out_is_published_with_its_reason() {
        EnrollmentSubmitted submitted = sentRequest(RequestType.SWITCH);
        producer.publish(new MoveOutRequested(submitted.enrollmentId(), submitted.esiId(), ONCOR,
                LocalDate.now().plusDays(3)));
        byte[] moveOut = Market.awaitFileFor(submitted.esiId(), "814_24");
        upload(market.reject(moveOut, "A13", "OTHER")).post("/edi/inbound").then().statusCode(202);
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.EDI)) {
            MoveOutRejected rejected = probe.awaitType(MoveOutRejected.TYPE, submitted.esiId(), WAIT)
                    .as(MoveOutRejected.class);
            assertThat(rejected.reasonCode()).isEqualTo("A13");
            assertThat(rejected.enrollmentId()).isEqualTo(submitted.enrollmentId());
        }
    }

    @Test
    void a_loss_notice_for_our_premise_is_published_and_one_for_a_stranger_is_held() {
        EnrollmentSubmitted submitted = sentRequest(RequestType.SWITCH);
        LocalDate lastDay = LocalDate.now().plusDays(20);
        upload(market.lossNotice(OUR_DUNS, submitted.esiId(), ONCOR, lastDay)).post("/edi/inbound").then()
                .statusCode(202).body("interchanges[0].transactions[0].transactionSet", equalTo("814_06"));
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.EDI)) {
            LossNoticeReceived loss = probe.awaitType(LossNoticeReceived.TYPE, submitted.esiId(), WAIT)
                    .as(LossNoticeReceived.class);
            assertThat(loss.serviceEndDate()).isEqualTo(lastDay);
        }

        String stranger = Market.newEsiId();
        String id = upload(market.lossNotice(OUR_DUNS, stranger, ONCOR, lastDay)).post("/edi/inbound").then()
                .statusCode(422).body("result.interchanges[0].transactions[0].status", equalTo("FAILED"))
                .extract().path("result.interchanges[0].transactions[0].id");
        Api.operations().queryParam("type", "EDI_UNKNOWN_ESI_ID").get("/exceptions").then()
                .body("reference", hasItem(id));
    }

    @Test
    void a_switch_hold_added_and_removed_is_published_for_any_premise() {
        String esiId = Market.newEsiId();
        LocalDate from = LocalDate.now();
        upload(market.switchHold(OUR_DUNS, esiId, ONCOR, true, from)).post("/edi/inbound").then().statusCode(202)
                .body("interchanges[0].transactions[0].transactionSet", equalTo("814_20"));
        upload(market.switchHold(OUR_DUNS, esiId, ONCOR, false, from.plusDays(30))).post("/edi/inbound").then()
                .statusCode(202);
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.EDI)) {
            assertThat(probe.awaitType(SwitchHoldAdded.TYPE, esiId, WAIT).as(SwitchHoldAdded.class).effectiveDate())
                    .isEqualTo(from);
            assertThat(probe.awaitType(SwitchHoldRemoved.TYPE, esiId, WAIT).as(SwitchHoldRemoved.class)
                    .effectiveDate()).isEqualTo(from.plusDays(30));
        }
    }

    @Test
    void a_corrected_resubmission_quotes_the_rejected_request() {
        EnrollmentSubmitted first = sentRequest(RequestType.SWITCH);
        String request = text(Market.awaitFileFor(first.esiId(), "814_01"));
        String rejectedReference = request.substring(request.indexOf("BGN*13*") + 7).split("[*~]")[0];
        EnrollmentSubmitted corrected = new EnrollmentSubmitted(UUID.randomUUID(), first.esiId(), first.tdsp(),
                first.tdspDuns(), first.requestType(), first.requestedStartDate(), first.customer(),
                first.serviceAddress(), first.productCode(), first.billingType(), first.enrollmentId());
        producer.publish(corrected);
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.EDI)) {
            probe.await(e -> MarketEnrollmentRequestSent.TYPE.equals(e.type())
                    && e.as(MarketEnrollmentRequestSent.class).enrollmentId().equals(corrected.enrollmentId()), WAIT);
        }
        assertThat(Market.filesFor(first.esiId())).anySatisfy(
                f -> assertThat(Market.read(f)).contains("REF*TN*" + rejectedReference));
    }

    @Test
    void a_file_dropped_in_the_inbound_folder_is_taken_like_an_upload() throws Exception {
        EnrollmentSubmitted submitted = sentRequest(RequestType.SWITCH);
        byte[] answer = market.accept(Market.awaitFileFor(submitted.esiId(), "814_01"), LocalDate.now().plusDays(4));
        Path inbound = Path.of("target/edi-test/inbound");
        Files.createDirectories(inbound);
        // written under a temporary name and renamed, as SFTP servers do
        Path partial = inbound.resolve("ERCOT_" + submitted.esiId() + ".x12.part");
        Files.write(partial, answer);
        Files.move(partial, inbound.resolve("ERCOT_" + submitted.esiId() + ".x12"));

        await().atMost(WAIT).until(() -> Files.isDirectory(inbound.resolve("processed")) && Files
                .list(inbound.resolve("processed")).anyMatch(f -> f.getFileName().toString()
                        .endsWith("ERCOT_" + submitted.esiId() + ".x12")));
        assertThat(inbound.resolve("ERCOT_" + submitted.esiId() + ".x12")).doesNotExist();
        Api.operations().queryParam("esiId", submitted.esiId()).queryParam("direction", "INBOUND")
                .get("/edi/transactions").then().statusCode(200).body("[0].transactionSet", equalTo("814_05"))
                .body("[0].status", equalTo("PROCESSED"));
    }
}
