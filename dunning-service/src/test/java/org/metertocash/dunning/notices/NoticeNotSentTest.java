package org.metertocash.dunning.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.metertocash.platform.events.Cause;
import org.metertocash.testkit.Api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** A notice not sent within a day of being issued raises one NOTICE_NOT_SENT work item; moved by the business clock. */
@QuarkusTest
class NoticeNotSentTest {

    @Inject
    Notices notices;

    @Inject
    NoticeDeadlines deadlines;

    @AfterEach
    void resetClock() {
        Api.admin().post("/admin/clock/reset").then().statusCode(200);
    }

    private static void clockAt(Instant instant) {
        Api.admin().body(Map.of("instant", instant.toString())).put("/admin/clock").then().statusCode(200);
    }

    @Test
    void a_printed_notice_left_unsent_for_a_day_raises_one_work_item_which_closes_when_it_is_sent() {
        String esiId = NoticesTest.newEsiId();
        LocalDate issuedOn = NoticesTest.today();
        UUID id = QuarkusTransaction.requiringNew().call(() -> notices.issue(
                NoticesTest.disconnectNotice(esiId, NoticesTest.newAccountNumber(), issuedOn), Cause.newFlow()));
        Instant issuedAt = Instant.parse(Api.operations().get("/notices/" + id).then().extract().path("issuedAt"));

        // 23 hours on it is not yet late
        clockAt(issuedAt.plus(Duration.ofHours(23)));
        deadlines.check();
        Api.operations().get("/exceptions?type=NOTICE_NOT_SENT&esiId=" + esiId).then().body("$", hasSize(0));

        // 25 hours on, the day's batch ran without it (a batch of the day before): the run finds it late
        clockAt(issuedAt.plus(Duration.ofHours(25)));
        Api.operations().post("/notices/print-batches?date=" + issuedOn.minusDays(1)).then()
                .statusCode(org.hamcrest.Matchers.either(equalTo(200)).or(equalTo(201)));
        Api.operations().get("/exceptions?type=NOTICE_NOT_SENT&esiId=" + esiId).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].reference", equalTo(id.toString()))
                .body("[0].occurrences", equalTo(1))
                .body("[0].details.reason", equalTo("no print batch has taken it"));
        // the job looking again raises nothing more
        deadlines.check();
        assertThat(deadlines.check()).isZero();
        Api.operations().get("/exceptions?type=NOTICE_NOT_SENT&esiId=" + esiId).then().body("$", hasSize(1))
                .body("[0].occurrences", equalTo(1));

        // printed at last: sent, and the work item closes by itself
        Api.operations().post("/notices/print-batches?date=" + issuedOn).then().statusCode(201);
        Api.operations().get("/notices/" + id).then().body("sentAt", org.hamcrest.Matchers.notNullValue());
        Api.operations().get("/exceptions?type=NOTICE_NOT_SENT&esiId=" + esiId).then().body("$", hasSize(0));
        String itemId = Api.operations().get("/exceptions?type=NOTICE_NOT_SENT&status=RESOLVED&esiId=" + esiId)
                .then().body("$", hasSize(1)).extract().path("[0].id");
        Api.operations().get("/exceptions/" + itemId).then().statusCode(200)
                .body("history.action", org.hamcrest.Matchers.contains("RAISED", "AUTO_CLOSE"));
    }
}
