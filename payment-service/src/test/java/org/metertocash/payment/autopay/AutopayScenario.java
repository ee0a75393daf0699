package org.metertocash.payment.autopay;

import static org.awaitility.Awaitility.await;
import static org.metertocash.payment.PaymentFixtures.WAIT;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.metertocash.contracts.billing.BillCancelled;
import org.metertocash.contracts.billing.BillPosted;
import org.metertocash.contracts.DomainEvent;
import org.metertocash.payment.PaymentFixtures.Account;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.TestProducer;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * Auto-draft as the tests drive it: enrolments by API, bills as billing publishes them, the business clock moved with
 * the admin endpoint, and a week of its own for each test (a year no other test in the run uses, so that the one
 * origination file of each day holds what the test expects).
 */
public final class AutopayScenario {

    public static final ZoneId MARKET = ZoneId.of("America/Chicago");

    private static final AtomicInteger NEXT_YEAR = new AtomicInteger(2040 + ThreadLocalRandom.current().nextInt(30));
    private static TestProducer producer;

    private AutopayScenario() {
    }

    /**
     * A bill due on the Tuesday after Memorial Day of a year of its own: one day before is the holiday, so the debit is
     * drafted on the Friday before and settles on the Tuesday.
     */
    public record Week(LocalDate issueDate, LocalDate friday, LocalDate memorialDay, LocalDate dueTuesday) {
    }

    public static Week ownWeek() {
        int year = NEXT_YEAR.getAndIncrement();
        LocalDate memorialDay = LocalDate.of(year, 5, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate due = memorialDay.plusDays(1);
        return new Week(due.minusDays(16), memorialDay.minusDays(3), memorialDay, due);
    }

    /** A valid enrolment body. */
    public static Map<String, Object> enrolment(String accountNumber, String routing, String bankAccount, String type,
            Integer daysBeforeDue) {
        Map<String, Object> body = new HashMap<>();
        body.put("accountNumber", accountNumber);
        body.put("routingNumber", routing);
        body.put("bankAccountNumber", bankAccount);
        body.put("accountType", type);
        body.put("holderName", "Dana Smith");
        if (daysBeforeDue != null) {
            body.put("daysBeforeDue", daysBeforeDue);
        }
        return body;
    }

    /** Enrols and returns the mandate as the API answered. */
    public static JsonPath enroll(Account account, String routing, String bankAccount, Integer daysBeforeDue) {
        return json(Api.upstreamOnce().body(enrolment(account.accountNumber(), routing, bankAccount, "CHECKING",
                daysBeforeDue)).post("/autopay").then().statusCode(201).extract().asString());
    }

    /** A bank account number no other test uses. */
    public static String newBankAccount() {
        return String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000L, 1_000_000_000_000L));
    }

    /** Billing posts a bill for the account. */
    public static UUID billPosted(Account account, String amount, LocalDate issueDate, LocalDate dueDate) {
        return billPostedWithEventId(account, amount, issueDate, dueDate)[0];
    }

    /** {@link #billPosted}: the bill id and the event id. */
    public static UUID[] billPostedWithEventId(Account account, String amount, LocalDate issueDate, LocalDate dueDate) {
        UUID billId = UUID.randomUUID();
        UUID eventId = publish(new BillPosted(billId, account.accountNumber(), account.esiId(), issueDate.minusDays(30),
                issueDate.minusDays(1), issueDate, dueDate, new BigDecimal(amount), new BigDecimal("1000"),
                List.of(new BillPosted.Line("ENERGY", "Energy charge", new BigDecimal(amount)))));
        return new UUID[] { billId, eventId };
    }

    public static void billCancelled(Account account, UUID billId, String amount, LocalDate on) {
        publish(new BillCancelled(billId, account.accountNumber(), account.esiId(), on.minusDays(46), on.minusDays(17),
                new BigDecimal(amount), on, "usage restated"));
    }

    private static synchronized UUID publish(DomainEvent event) {
        if (producer == null) {
            producer = new TestProducer(RealInfrastructure.kafkaBootstrapServers());
        }
        return producer.publish(event);
    }

    /** Moves the business clock to a local time of a day. */
    public static void clockAt(LocalDate day, LocalTime time) {
        Api.admin().body(Map.of("instant", day.atTime(time).atZone(MARKET).toInstant().toString()))
                .put("/admin/clock").then().statusCode(200);
    }

    public static void resetClock() {
        Api.admin().post("/admin/clock/reset").then().statusCode(200);
    }

    public static JsonPath mandate(String accountNumber) {
        return json(Api.operations().get("/autopay/" + accountNumber).then().statusCode(200).extract().asString());
    }

    /** Waits until the bill's debit is in the status and returns it (a map of its fields). */
    public static Map<String, Object> awaitDebit(String accountNumber, UUID billId, String status) {
        await().atMost(WAIT).until(() -> status.equals(debit(accountNumber, billId).get("status")));
        return debit(accountNumber, billId);
    }

    public static Map<String, Object> debit(String accountNumber, UUID billId) {
        Map<String, Object> debit = mandate(accountNumber).get("debits.find { it.billId == '" + billId + "' }");
        return debit == null ? Map.of() : debit;
    }

    /**
     * Bills for the account in a week of its own, drafted and sent: the clock at the issue date for the bills, then
     * at the draft date (the Friday) until the origination job has sent them all. Returns the debits, clock reset.
     */
    public static List<Map<String, Object>> sentDebits(Account account, String... amounts) {
        Week week = ownWeek();
        try {
            clockAt(week.issueDate(), LocalTime.NOON);
            List<UUID> bills = java.util.Arrays.stream(amounts)
                    .map(amount -> billPosted(account, amount, week.issueDate(), week.dueTuesday())).toList();
            bills.forEach(bill -> awaitDebit(account.accountNumber(), bill, "SCHEDULED"));
            clockAt(week.friday(), LocalTime.of(10, 0));
            return bills.stream().map(bill -> awaitDebit(account.accountNumber(), bill, "SENT")).toList();
        } finally {
            resetClock();
        }
    }

    public static JsonPath json(String body) {
        return JsonPath.from(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }
}
