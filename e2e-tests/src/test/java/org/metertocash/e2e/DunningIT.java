package org.metertocash.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.dunning.DisconnectCancelRequested;
import org.metertocash.contracts.dunning.DisconnectRequested;
import org.metertocash.contracts.dunning.DunningHoldCleared;
import org.metertocash.contracts.dunning.ReconnectRequested;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.TopicProbe;
import org.metertocash.testkit.market.MarketSimulator;
import org.metertocash.testkit.market.ServiceOrderFiles;
import org.metertocash.testkit.market.TdspFiles;
import org.metertocash.testkit.platform.PlatformService;

import io.restassured.path.json.JsonPath;

/**
 * Collections over the real stack. A post-pay bill goes unpaid: the day after its due date the account is past due
 * and is charged its late fee (billing's balance shows it), days later it gets a disconnect notice; the day after the notice's
 * disconnect date dunning asks for the disconnection and edi-gateway sends the 650_01. Then money arrives:
 * <ul>
 * <li>before the wires utility acted — the hold clears and the disconnect order is withdrawn (a cancelling 650_01);
 * <li>after the utility disconnected (650_02) — the hold clears and a reconnect goes out at once; its completion
 * brings the account back to CURRENT.
 * </ul>
 * Only dunning's business clock moves; the other services keep real time.
 */
@ExtendWith(RunningPlatform.class)
class DunningIT {

    /** The first bill of a FIXED-12 move-in: 1000 kWh (PaymentPostingIT). */
    private static final BigDecimal BILL = new BigDecimal("163.03");

    private final MarketSimulator market = new MarketSimulator();
    private final TdspFiles tdsp = new TdspFiles();
    private final ServiceOrderFiles utility = new ServiceOrderFiles();

    @AfterEach
    void backToRealTime() {
        RunningPlatform.as(PlatformService.DUNNING, Api.admin()).post("/admin/clock/reset").then().statusCode(200);
    }

    @Test
    void a_payment_before_the_disconnection_clears_the_hold_and_withdraws_the_disconnect_order() {
        Unpaid unpaid = unpaidBillUpToTheDisconnectOrder();
        try (TopicProbe probe = new TopicProbe(RunningPlatform.get().kafkaBootstrapServers(), Topics.DUNNING)) {
            Payments.pay(unpaid.accountNumber(), unpaid.owed().toPlainString(), UUID.randomUUID().toString()).then()
                    .statusCode(201);

            DunningHoldCleared cleared = probe.awaitType(DunningHoldCleared.TYPE, unpaid.esiId(), Scenario.WAIT)
                    .as(DunningHoldCleared.class);
            assertThat(cleared.clearedState()).isEqualTo("DISCONNECT_REQUESTED");
            DisconnectCancelRequested cancel = probe.awaitType(DisconnectCancelRequested.TYPE, unpaid.esiId(),
                    Scenario.WAIT).as(DisconnectCancelRequested.class);
            assertThat(cancel.originalRequestId()).isEqualTo(unpaid.disconnect().requestId());
        }
        Scenario.awaitValue(PlatformService.DUNNING, collections(unpaid.esiId()), "state", equalTo("CURRENT"));
        PaymentFiles.awaitBalance(unpaid.esiId(), "0.00");

        // the wires utility receives a 650_01 withdrawing the order it had
        byte[] cancelFile = await().atMost(Scenario.WAIT).until(() -> serviceOrderFiles(unpaid.esiId()).stream()
                .filter(utility::isCancel).findFirst().orElse(null), f -> f != null);
        ServiceOrderFiles.Cancel withdrawn = utility.readCancel(cancelFile);
        assertThat(withdrawn.esiId()).isEqualTo(unpaid.esiId());
        assertThat(withdrawn.orderReference()).isEqualTo(unpaid.order().bgnReference());

        JsonPath view = view(unpaid.esiId());
        assertThat(view.getList("history.to", String.class)).containsSubsequence("PAST_DUE",
                "DISCONNECT_NOTICE_ISSUED", "DISCONNECT_REQUESTED", "CURRENT");
    }

    @Test
    void a_disconnected_premise_is_reconnected_at_once_when_the_arrears_are_paid() {
        Unpaid unpaid = unpaidBillUpToTheDisconnectOrder();
        // the wires utility disconnects and says so (650_02)
        Scenario.postToGateway(utility.complete(unpaid.orderFile(), unpaid.disconnectOn())).then().statusCode(202);
        Scenario.awaitValue(PlatformService.DUNNING, collections(unpaid.esiId()), "state", equalTo("DISCONNECTED"));

        try (TopicProbe probe = new TopicProbe(RunningPlatform.get().kafkaBootstrapServers(), Topics.DUNNING)) {
            Payments.pay(unpaid.accountNumber(), unpaid.owed().toPlainString(), UUID.randomUUID().toString()).then()
                    .statusCode(201);
            ReconnectRequested reconnect = probe.awaitType(ReconnectRequested.TYPE, unpaid.esiId(), Scenario.WAIT)
                    .as(ReconnectRequested.class);
            assertThat(reconnect.accountNumber()).isEqualTo(unpaid.accountNumber());
            DunningHoldCleared cleared = probe.awaitType(DunningHoldCleared.TYPE, unpaid.esiId(), Scenario.WAIT)
                    .as(DunningHoldCleared.class);
            assertThat(cleared.clearedState()).isEqualTo("DISCONNECTED");
        }
        Scenario.awaitValue(PlatformService.DUNNING, collections(unpaid.esiId()), "state",
                equalTo("RECONNECT_REQUESTED"));

        // the reconnect order goes to the wires utility; its completion ends the collection
        byte[] reconnectFile = await().atMost(Scenario.WAIT).until(() -> serviceOrderFiles(unpaid.esiId()).stream()
                .filter(f -> !utility.isCancel(f))
                .filter(f -> "RC001".equals(utility.readOrder(f).purposeCode())).findFirst().orElse(null),
                f -> f != null);
        Scenario.postToGateway(utility.complete(reconnectFile, unpaid.disconnectOn().plusDays(1))).then()
                .statusCode(202);
        Scenario.awaitValue(PlatformService.DUNNING, collections(unpaid.esiId()), "state", equalTo("CURRENT"));
        Scenario.awaitValue(PlatformService.DUNNING, collections(unpaid.esiId()), "history.to",
                hasItem("RECONNECT_REQUESTED"));
    }

    /** An account whose bill went unpaid until dunning asked for the disconnection and the 650_01 went out. */
    record Unpaid(String esiId, String accountNumber, BigDecimal owed, DisconnectRequested disconnect,
            byte[] orderFile, ServiceOrderFiles.Order order, LocalDate disconnectOn) {
    }

    private Unpaid unpaidBillUpToTheDisconnectOrder() {
        Scenario.ensureFixed12();
        String esiId = Scenario.newOncorEsiId();
        LocalDate start = LocalDate.now(TdspFiles.MARKET_ZONE).minusDays(35);
        Scenario.activeMoveIn(esiId, start, "FIXED-12", "POSTPAY", market, tdsp);
        String accountNumber = Scenario.accountNumber(esiId);
        Scenario.awaitPayable(accountNumber);
        Scenario.postFirstMonth(esiId, start, tdsp);
        PaymentFiles.awaitBalance(esiId, BILL.toPlainString());
        LocalDate due = LocalDate.parse(Scenario.awaitValue(PlatformService.BILLING,
                "/billing-accounts/" + esiId + "/bills", "[0].dueDate", org.hamcrest.Matchers.notNullValue()));
        Scenario.awaitValue(PlatformService.DUNNING, collections(esiId), "state", equalTo("CURRENT"));
        Scenario.awaitCaughtUp(PlatformService.DUNNING, Topics.BILLING);

        // the day after the due date (16 TAC §25.480(b)): past due, with the late fee (5 %, §25.480(c))
        turnDay(due.plusDays(1));
        Scenario.awaitValue(PlatformService.DUNNING, collections(esiId), "state", equalTo("PAST_DUE"));
        BigDecimal fee = BILL.multiply(new BigDecimal("0.05")).setScale(2, RoundingMode.HALF_UP); // 8.15
        BigDecimal owed = BILL.add(fee);
        PaymentFiles.awaitBalance(esiId, owed.toPlainString());
        // dunning.policy.postpay.disconnect-notice.days-after-due = 5: the disconnect notice
        turnDay(due.plusDays(5));
        Scenario.awaitValue(PlatformService.DUNNING, collections(esiId), "state", equalTo("DISCONNECT_NOTICE_ISSUED"));
        JsonPath notice = JsonPath.from(RunningPlatform.as(PlatformService.DUNNING, Api.operations())
                .queryParam("esiId", esiId).get("/notices").then().statusCode(200).extract().asString());
        assertThat(notice.getList("kind", String.class)).contains("DISCONNECT_NOTICE");
        LocalDate disconnectDate = LocalDate.parse(notice.getString("find { it.kind == 'DISCONNECT_NOTICE' }"
                + ".disconnectDate"));
        // §25.483: at least 10 days after the notice was issued, on a business day
        assertThat(disconnectDate).isAfterOrEqualTo(due.plusDays(15));

        // on or after the day after the disconnect date, the arrears unpaid: the disconnect order goes out — on a
        // business day (a weekend or a holiday holds it to the next one, §25.483)
        turnDay(disconnectDate); // the date on the notice: disconnection is due from the next day
        Scenario.awaitValue(PlatformService.DUNNING, collections(esiId), "state", equalTo("DISCONNECT_PENDING"));
        DisconnectRequested disconnect;
        LocalDate disconnectOn = disconnectDate.plusDays(1);
        try (TopicProbe probe = new TopicProbe(RunningPlatform.get().kafkaBootstrapServers(), Topics.DUNNING)) {
            turnDay(disconnectOn);
            while (!"DISCONNECT_REQUESTED".equals(view(esiId).getString("state"))) { // the day turn ran before it answered
                JsonPath held = view(esiId);
                assertThat(held.getString("state")).isEqualTo("DISCONNECT_HELD");
                assertThat(held.getString("rule")).as("only a weekend or holiday holds it here")
                        .startsWith("hold-weekend-holiday");
                assertThat(disconnectOn).isBefore(disconnectDate.plusDays(6));
                disconnectOn = disconnectOn.plusDays(1);
                turnDay(disconnectOn);
            }
            disconnect = probe.awaitType(DisconnectRequested.TYPE, esiId, Scenario.WAIT).as(DisconnectRequested.class);
        }
        assertThat(disconnect.accountNumber()).isEqualTo(accountNumber);
        Scenario.awaitValue(PlatformService.DUNNING, collections(esiId), "state", equalTo("DISCONNECT_REQUESTED"));
        byte[] orderFile = await().atMost(Scenario.WAIT).until(() -> serviceOrderFiles(esiId).stream()
                .filter(f -> !utility.isCancel(f)).filter(f -> "DC001".equals(utility.readOrder(f).purposeCode()))
                .findFirst().orElse(null), f -> f != null);
        return new Unpaid(esiId, accountNumber, owed, disconnect, orderFile, utility.readOrder(orderFile),
                disconnectOn);
    }

    /** Moves dunning's business clock to 09:00 that day and runs its day turn. */
    private static void turnDay(LocalDate day) {
        RunningPlatform.as(PlatformService.DUNNING, Api.admin())
                .body(Map.of("instant", day.atTime(LocalTime.of(9, 0)).atZone(TdspFiles.MARKET_ZONE).toInstant()
                        .toString()))
                .put("/admin/clock").then().statusCode(200);
        RunningPlatform.as(PlatformService.DUNNING, Api.operations()).queryParam("date", day.toString())
                .post("/collections/evaluations").then().statusCode(200);
    }

    private static String collections(String esiId) {
        return "/accounts/" + esiId + "/collections";
    }

    private static JsonPath view(String esiId) {
        return JsonPath.from(RunningPlatform.as(PlatformService.DUNNING, Api.operations()).get(collections(esiId))
                .then().statusCode(200).extract().asString());
    }

    /** The 650 files edi-gateway wrote for the premise, oldest first. */
    private static List<byte[]> serviceOrderFiles(String esiId) {
        return Scenario.outboundFilesFor(esiId).stream().filter(f -> f.getFileName().toString().contains("_650_"))
                .sorted().map(DunningIT::read).toList();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
