package org.metertocash.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.market.MarketSimulator;
import org.metertocash.testkit.platform.PlatformService;

/**
 * What operations see when the market conversation goes wrong: a corrupt file is stored, answered with a 997
 * rejecting it and queued; a file that is not X12 at all is stored and queued; one of our transactions left
 * without its 997 for 24 hours raises an exception (the gateway's business clock moved forward, then back).
 */
@ExtendWith(RunningPlatform.class)
class EdiExceptionsIT {

    private final MarketSimulator market = new MarketSimulator();

    @Test
    void a_corrupt_answer_is_stored_rejected_by_a_997_and_queued_and_the_enrollment_waits() {
        String esiId = Scenario.newOncorEsiId();
        String id = Scenario.submit(Scenario.enrollment(esiId), UUID.randomUUID().toString()).then().statusCode(201)
                .extract().path("id");
        String answer = new String(market.accept(Scenario.awaitOutbound814(esiId), LocalDate.now().plusDays(3)),
                StandardCharsets.US_ASCII);
        String corrupt = answer.replaceFirst("DTM\\*150\\*\\d{8}", "DTM*150*20261345");
        String groupControl = answer.substring(answer.indexOf("GS*GE*")).split("\\*")[6];

        String fileId = Scenario.postToGateway(corrupt.getBytes(StandardCharsets.US_ASCII)).then().statusCode(422)
                .contentType("application/problem+json")
                .body("result.interchanges[0].transactions[0].status", equalTo("REJECTED"))
                .extract().path("result.fileId");
        byte[] stored = RunningPlatform.as(PlatformService.EDI_GATEWAY, Api.operations())
                .get("/edi/files/" + fileId + "/content").then().statusCode(200).extract().asByteArray();
        assertThat(new String(stored, StandardCharsets.US_ASCII)).isEqualTo(corrupt);

        RunningPlatform.as(PlatformService.EDI_GATEWAY, Api.operations()).get("/edi/files/" + fileId).then()
                .body("status", equalTo("REJECTED"));
        org.awaitility.Awaitility.await().atMost(Scenario.WAIT).until(() -> acknowledgementFor(groupControl) != null);
        assertThat(acknowledgementFor(groupControl)).contains("AK3*DTM*").contains("AK4*2*373*8*20261345")
                .contains("AK5*R*5").contains("AK9*R*1*1*0");
        Scenario.awaitValue(PlatformService.EDI_GATEWAY, "/exceptions?type=EDI_TRANSACTION_REJECTED&esiId=" + esiId,
                "esiId", hasItem(esiId));
        // nothing was applied: the enrollment still waits for a usable answer (SENT once the gateway's
        // MarketEnrollmentRequestSent has reached it — asynchronously — and never ACCEPTED)
        Scenario.awaitEnrollmentState(id, "SENT");
    }

    @Test
    void a_file_that_is_not_x12_is_kept_byte_for_byte_and_queued() {
        byte[] garbage = "%PDF-1.7\nnot an interchange at all".getBytes(StandardCharsets.US_ASCII);
        String fileId = Scenario.postToGateway(garbage).then().statusCode(422)
                .contentType("application/problem+json").body("result.status", equalTo("REJECTED"))
                .extract().path("result.fileId");
        assertThat(RunningPlatform.as(PlatformService.EDI_GATEWAY, Api.operations())
                .get("/edi/files/" + fileId + "/content").then().statusCode(200).extract().asByteArray())
                .isEqualTo(garbage);
        Scenario.awaitValue(PlatformService.EDI_GATEWAY, "/exceptions?type=EDI_FILE_REJECTED", "reference",
                hasItem(fileId));
    }

    @Test
    void our_814_without_a_997_for_24_hours_raises_an_exception() {
        String esiId = Scenario.newOncorEsiId();
        Scenario.submit(Scenario.enrollment(esiId), UUID.randomUUID().toString()).then().statusCode(201);
        Scenario.awaitOutbound814(esiId);
        Scenario.awaitValue(PlatformService.EDI_GATEWAY, "/edi/transactions?direction=OUTBOUND&esiId=" + esiId,
                "[0].status", equalTo("SENT"));
        try {
            RunningPlatform.as(PlatformService.EDI_GATEWAY, Api.admin()).body(Map.of("duration", "PT25H"))
                    .post("/admin/clock/advance").then().statusCode(200);
            List<String> types = Scenario.awaitValue(PlatformService.EDI_GATEWAY, "/exceptions?esiId=" + esiId,
                    "type", hasItem("EDI_ACKNOWLEDGEMENT_OVERDUE"));
            assertThat(types).containsOnlyOnce("EDI_ACKNOWLEDGEMENT_OVERDUE");
        } finally {
            RunningPlatform.as(PlatformService.EDI_GATEWAY, Api.admin()).post("/admin/clock/reset").then()
                    .statusCode(200);
        }
    }

    /** The 997 we sent for the inbound group with this GS06, if it is in the outbound folder yet. */
    private static String acknowledgementFor(String groupControl) {
        Path folder = RunningPlatform.get().ediOutbound();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().contains("_997_")).map(EdiExceptionsIT::read)
                    .filter(text -> text.contains("AK1*GE*" + groupControl + "~")).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return "";
        }
    }
}
