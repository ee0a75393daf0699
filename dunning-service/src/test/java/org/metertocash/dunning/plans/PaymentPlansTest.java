package org.metertocash.dunning.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.Topics;
import org.metertocash.contracts.billing.BillingAccountOpened;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.contracts.dunning.DeferredPaymentPlanDefaulted;
import org.metertocash.dunning.collections.AccountChanged;
import org.metertocash.dunning.gates.AccountChangedRecorder;
import org.metertocash.platform.events.Cause;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.TestProducer;
import org.metertocash.testkit.TopicProbe;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Deferred payment plans (16 TAC §25.480(j)) on the real stack: made over the API for an account billing opened,
 * payments counted once, a missed installment defaulting the plan exactly once.
 */
@QuarkusTest
class PaymentPlansTest {

    private static TestProducer producer;

    @Inject
    PaymentPlans plans;

    @Inject
    AccountChangedRecorder accountChanged;

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

    private record Premise(String esiId, String accountNumber) {
    }

    /** A premise whose account billing opened and collections follows. */
    private static Premise openedAccount() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Premise premise = new Premise(String.format("1044372%010d", random.nextLong(10_000_000_000L)),
                String.format("%010d", random.nextLong(10_000_000_000L)));
        producer.publish(new BillingAccountOpened(premise.accountNumber(), premise.esiId(), UUID.randomUUID(),
                "Dana Smith", "FIXED-12", BillingType.POSTPAY, "ONCOR", 3, today()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> Api.operations()
                .get("/accounts/" + premise.esiId() + "/collections").then().statusCode(200));
        return premise;
    }

    private static LocalDate today() {
        return LocalDate.parse(Api.operations().get("/admin/clock").then().extract().path("today"));
    }

    private static Map<String, Object> plan(String esiId, String amount, String down, int installments,
            LocalDate firstDue, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("esiId", esiId);
        body.put("amount", new BigDecimal(amount));
        body.put("downPayment", new BigDecimal(down));
        body.put("installments", installments);
        body.put("firstInstallmentDue", firstDue.toString());
        body.put("reason", reason);
        return body;
    }

    @Test
    void a_plan_is_made_with_its_schedule_and_whether_the_rule_required_it() {
        Premise premise = openedAccount();
        LocalDate today = today();
        LocalDate firstDue = today.plusDays(20);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = plan(premise.esiId(), "250.00", "50.00", 3, firstDue, "UNDERBILLING");
        var created = Api.operations().header("Idempotency-Key", key).body(body).post("/payment-plans").then()
                .statusCode(201).extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/payment-plans/" + id);
        Api.operations().get("/payment-plans/" + id).then().statusCode(200)
                .body("accountNumber", equalTo(premise.accountNumber())).body("status", equalTo("ACTIVE"))
                .body("required", equalTo(true)).body("requiredRule", equalTo("§25.480(j): underbilling"))
                .body("createdBy", equalTo("ops"))
                .body("installments.number", contains(0, 1, 2, 3))
                .body("installments.dueDate", contains(today.toString(), firstDue.toString(),
                        firstDue.plusMonths(1).toString(), firstDue.plusMonths(2).toString()))
                .body("installments.amount", contains(50.00f, 66.67f, 66.67f, 66.66f))
                .body("installments[0].state", equalTo("DUE"))
                .body("deferredNotYetDue", equalTo(200.00f))
                .body("nextInstallmentDue", equalTo(today.toString()));

        // the same request again gets the first answer; the same key with another body is refused
        Api.operations().header("Idempotency-Key", key).body(body).post("/payment-plans").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(id));
        Api.operations().header("Idempotency-Key", key)
                .body(plan(premise.esiId(), "250.00", "60.00", 3, firstDue, "UNDERBILLING")).post("/payment-plans")
                .then().statusCode(409);
        // one plan kept at a time
        Api.operations().header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/payment-plans")
                .then().statusCode(409).body("type", equalTo("urn:metertocash:problem:payment-plan-exists"));

        Api.operations().get("/premises/" + premise.esiId() + "/payment-plans").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].id", equalTo(id));
        assertThat(accountChanged.of(premise.esiId())).extracting(AccountChanged::reason)
                .singleElement().asString().startsWith("deferred payment plan " + id + " made");
    }

    @Test
    void a_plan_asked_for_outside_the_rule_is_recorded_as_offered_not_required() {
        Premise premise = openedAccount();
        Map<String, Object> body = plan(premise.esiId(), "120.00", "0", 2, today().plusDays(10),
                "CRITICAL_CARE_OR_CHRONIC");
        body.put("billDueDate", LocalDate.of(2026, 8, 3).toString());
        Api.operations().header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/payment-plans")
                .then().statusCode(201).body("required", equalTo(false))
                .body("requiredRule", org.hamcrest.Matchers.containsString("no critical-care or chronic-condition"))
                .body("installments.number", contains(1, 2));
    }

    @Test
    void a_bad_request_names_each_field_and_reason() {
        Premise premise = openedAccount();
        Api.operations().body(plan(premise.esiId(), "100", "0", 2, today().plusDays(5), "OTHER"))
                .post("/payment-plans").then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        Map<String, Object> bad = plan("12345", "100.001", "-1", 0, today(), "OTHER");
        Api.operations().header("Idempotency-Key", UUID.randomUUID().toString()).body(bad).post("/payment-plans")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("esiId", "amount", "downPayment", "installments",
                        "firstInstallmentDue"));
        Api.operations().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(plan(premise.esiId(), "0.05", "0", 10, today().plusDays(5), "OTHER")).post("/payment-plans")
                .then().statusCode(400).body("errors[0].field", equalTo("installments"))
                .body("errors[0].reason", org.hamcrest.Matchers.containsString("too small"));
        Api.operations().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(plan("10443729999999999", "100", "0", 2, today().plusDays(5), "OTHER")).post("/payment-plans")
                .then().statusCode(400).body("errors[0].reason", equalTo("no account of this premise is in collections"));
        Api.upstream().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(plan(premise.esiId(), "100", "0", 2, today().plusDays(5), "OTHER")).post("/payment-plans")
                .then().statusCode(403);
        Api.operations().get("/premises/" + premise.esiId() + "/payment-plans").then().body("$", hasSize(0));
    }

    @Test
    void payments_count_once_and_a_plan_paid_in_full_is_complete() {
        Premise premise = openedAccount();
        LocalDate today = today();
        UUID planId = UUID.fromString(Api.operations().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(plan(premise.esiId(), "150.00", "50.00", 2, today.plusDays(10), "STATED_INABILITY"))
                .post("/payment-plans").then().statusCode(201).extract().path("id"));
        UUID down = UUID.randomUUID();
        PlanStanding afterDown = QuarkusTransaction.requiringNew().call(() -> {
            plans.paymentApplied(premise.accountNumber(), down, new BigDecimal("50.00"), today);
            plans.paymentApplied(premise.accountNumber(), down, new BigDecimal("50.00"), today); // redelivered
            return plans.standing(premise.accountNumber(), premise.esiId(), today.plusDays(1), Cause.newFlow())
                    .orElseThrow();
        });
        assertThat(afterDown.planId()).isEqualTo(planId);
        assertThat(afterDown.status()).isEqualTo(PlanStanding.Status.ACTIVE);
        assertThat(afterDown.deferredNotYetDue()).isEqualByComparingTo("100.00");
        assertThat(afterDown.nextInstallmentDue()).isEqualTo(today.plusDays(10));
        assertThat(afterDown.nextInstallmentAmount()).isEqualByComparingTo("50.00");

        PlanStanding paidOff = QuarkusTransaction.requiringNew().call(() -> {
            plans.paymentApplied(premise.accountNumber(), UUID.randomUUID(), new BigDecimal("100.00"),
                    today.plusDays(2));
            return plans.standing(premise.accountNumber(), premise.esiId(), today.plusDays(3), Cause.newFlow())
                    .orElseThrow();
        });
        assertThat(paidOff.status()).isEqualTo(PlanStanding.Status.COMPLETED);
        assertThat(paidOff.deferredNotYetDue()).isEqualByComparingTo("0");
        Api.operations().get("/payment-plans/" + planId).then().body("status", equalTo("COMPLETED"))
                .body("paid", equalTo(150.00f)).body("payments", hasSize(2));
    }

    @Test
    void a_missed_installment_defaults_the_plan_once_with_one_event_and_one_work_item() {
        Premise premise = openedAccount();
        LocalDate today = today();
        UUID planId = UUID.fromString(Api.operations().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(plan(premise.esiId(), "250.00", "50.00", 2, today.plusDays(10), "DISASTER"))
                .post("/payment-plans").then().statusCode(201).extract().path("id"));
        UUID down = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> plans.paymentApplied(premise.accountNumber(), down,
                new BigDecimal("50.00"), today));
        // the down payment came back: it no longer counts, so the down payment was not paid by the end of its day
        List<Optional<PlanStanding>> standings = QuarkusTransaction.requiringNew().call(() -> {
            plans.paymentReversed(premise.accountNumber(), down);
            plans.paymentReversed(premise.accountNumber(), down); // redelivered
            Optional<PlanStanding> first = plans.standing(premise.accountNumber(), premise.esiId(), today.plusDays(1),
                    Cause.newFlow());
            Optional<PlanStanding> again = plans.standing(premise.accountNumber(), premise.esiId(), today.plusDays(1),
                    Cause.newFlow());
            return List.of(first, again);
        });
        PlanStanding later = QuarkusTransaction.requiringNew().call(() -> plans.standing(premise.accountNumber(),
                premise.esiId(), today.plusDays(15), Cause.newFlow()).orElseThrow());
        assertThat(standings).hasSize(2).allSatisfy(standing -> assertThat(standing).hasValueSatisfying(s -> {
            assertThat(s.planId()).isEqualTo(planId);
            assertThat(s.status()).isEqualTo(PlanStanding.Status.DEFAULTED);
            assertThat(s.deferredNotYetDue()).isEqualByComparingTo("0");
        }));
        assertThat(later.status()).isEqualTo(PlanStanding.Status.DEFAULTED);

        // published once, through the outbox
        Number written = (Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select count(*) from outbox_event where event_type = ?1 and convert_from(payload, 'UTF8') like ?2")
                .setParameter(1, DeferredPaymentPlanDefaulted.TYPE).setParameter(2, "%" + planId + "%")
                .getSingleResult());
        assertThat(written.intValue()).isEqualTo(1);
        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.DUNNING)) {
            DeferredPaymentPlanDefaulted event = probe.await(e -> DeferredPaymentPlanDefaulted.TYPE.equals(e.type())
                    && e.body().contains(planId.toString()), Duration.ofSeconds(30))
                    .as(DeferredPaymentPlanDefaulted.class);
            assertThat(event.planId()).isEqualTo(planId);
            assertThat(event.accountNumber()).isEqualTo(premise.accountNumber());
            assertThat(event.esiId()).isEqualTo(premise.esiId());
            assertThat(event.installmentDueDate()).isEqualTo(today);
            assertThat(event.amountUnpaid()).isEqualByComparingTo("50.00");
            assertThat(event.defaultedOn()).isEqualTo(today.plusDays(1));
        }
        // one work item, raised once
        Api.operations().get("/exceptions?type=DPP_DEFAULTED&esiId=" + premise.esiId()).then().statusCode(200)
                .body("$", hasSize(1)).body("[0].reference", equalTo(planId.toString()))
                .body("[0].occurrences", equalTo(1));
        Api.operations().get("/payment-plans/" + planId).then().body("status", equalTo("DEFAULTED"))
                .body("defaultedOn", equalTo(today.plusDays(1).toString()))
                .body("defaultedInstallmentDue", equalTo(today.toString()))
                .body("payments.reversed", hasItem(true));
        // a broken plan no longer counts payments; a new plan can be made
        QuarkusTransaction.requiringNew().run(() -> plans.paymentApplied(premise.accountNumber(), UUID.randomUUID(),
                new BigDecimal("10.00"), today.plusDays(2)));
        Api.operations().get("/payment-plans/" + planId).then().body("payments", hasSize(1));
        Api.operations().header("Idempotency-Key", UUID.randomUUID().toString())
                .body(plan(premise.esiId(), "200.00", "20.00", 2, today.plusDays(12), "OTHER")).post("/payment-plans")
                .then().statusCode(201);
        Api.operations().get("/premises/" + premise.esiId() + "/payment-plans").then()
                .body("status", hasItems("ACTIVE", "DEFAULTED"));
    }
}
