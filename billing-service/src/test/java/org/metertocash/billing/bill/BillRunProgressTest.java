package org.metertocash.billing.bill;

import static io.restassured.config.JsonConfig.jsonConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.metertocash.billing.account.BillingAccount;
import org.metertocash.billing.usage.MeterRead;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.testkit.Api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

/**
 * The bill run at scale, in small: reads drafted in chunks of three on two workers, its progress on {@code /status}
 * and {@code GET /bill-runs/{date}}, and a read that fails its chunk. Accounts and reads are written straight to the
 * database (as a bulk load would), so the only run that bills them is the one each test requests: the scheduled run
 * is held off by the profile, and no usage event starts one.
 */
@QuarkusTest
@TestProfile(BillRunProgressTest.SmallChunks.class)
class BillRunProgressTest {

    /** Chunks of 3 reads (pages of 30), two workers, a progress line every 5 reads, no scheduled run. */
    public static class SmallChunks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("billing.bills.run-every", "24h", "billing.bills.run-batch-size", "3",
                    "billing.bill-run.workers", "2", "billing.bill-run.progress-every", "5");
        }
    }

    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    private static final AtomicLong NUMBER = new AtomicLong(System.nanoTime() % 100_000_000L);
    private static final AtomicLong RECEIVED = new AtomicLong();
    private static final String TDU = "P" + RUN;
    private static final RestAssuredConfig EXACT = RestAssured.config()
            .jsonConfig(jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));

    @Inject
    EntityManager em;

    private static RequestSpecification ops() {
        return Api.operations().config(EXACT);
    }

    /** 10.0¢/kWh flat with a $5.00 base charge, on this run's TDU ($4.00/month, 5.0000¢/kWh). */
    private static String product() {
        Api.admin().body("{\"customerCharge\": 4.00, \"deliveryCentsPerKwh\": 5.0000}")
                .put("/tdu-tariffs/" + TDU + "/2020-01-01").then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        String code = "RUN-" + RUN + "-" + NUMBER.incrementAndGet();
        Api.admin().header("Idempotency-Key", UUID.randomUUID().toString()).body("""
                {"code": "%s", "name": "Bill run test plan", "billingType": "POSTPAY", "termMonths": 12, "tdu": "%s",
                 "energyCharge": {"type": "FLAT", "centsPerKwh": 10.0}, "baseCharge": 5.00}
                """.formatted(code, TDU)).post("/products").then().statusCode(201);
        return code;
    }

    /** A post-pay account in Dallas started 1 Nov 2020, written straight to the database; returns its ESI ID. */
    private String account(String productCode) {
        long n = NUMBER.incrementAndGet();
        BillingAccount account = new BillingAccount();
        account.accountNumber = String.format("7%09d", n % 1_000_000_000L);
        account.esiId = String.format("1044372%010d", n);
        account.enrollmentId = UUID.randomUUID();
        account.customerName = "Bill Run " + n;
        account.addressLine1 = n + " Elm St";
        account.city = "Dallas";
        account.stateCode = "TX";
        account.zip = "75201";
        account.county = "Dallas";
        account.productCode = productCode;
        account.billingType = BillingType.POSTPAY;
        account.tdsp = TDU;
        account.billCycle = 1;
        account.startDate = LocalDate.of(2020, 11, 1);
        account.openedAt = Instant.parse("2020-10-20T12:00:00Z");
        QuarkusTransaction.requiringNew().run(account::persist);
        return account.esiId;
    }

    /** One month of usage of the premise, as stored from an 867_03. */
    private void read(String esiId, LocalDate start, String kwh, String quality) {
        MeterRead read = new MeterRead();
        read.id = UUID.randomUUID();
        read.esiId = esiId;
        read.meterNumber = "M1";
        read.documentReference = "D-" + read.id.toString().substring(0, 8);
        read.purpose = MeterRead.Purpose.ORIGINAL;
        read.periodStart = start;
        read.periodEnd = start.plusMonths(1);
        read.readingQuality = quality;
        read.totalKwh = new BigDecimal(kwh);
        read.status = MeterRead.Status.ACTIVE;
        read.eventId = UUID.randomUUID();
        // in the order written: the bill run takes reads in the order received
        read.receivedAt = Instant.parse("2021-03-02T12:00:00Z").plusSeconds(RECEIVED.incrementAndGet());
        QuarkusTransaction.requiringNew().run(read::persist);
    }

    private static JsonPath billRunStatus() {
        return Api.operations().get("/status").then().statusCode(200).extract().jsonPath()
                .setRootPath("entities.billRun");
    }

    @Test
    void the_progress_of_a_run_on_the_status_endpoint_equals_the_bills_it_made() {
        String product = product();
        LocalDate january = LocalDate.of(2021, 1, 1);
        List<String> clean = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String esiId = account(product);
            read(esiId, january, "1000", "ACTUAL");
            clean.add(esiId);
        }
        String estimated = account(product);
        read(estimated, january, "1000", "ESTIMATED");
        String noProduct = account("NO-SUCH-" + RUN);
        read(noProduct, january, "900", "ACTUAL");
        // December and January of one account: January's usage history must see December's bill
        String twoMonths = account(product);
        read(twoMonths, LocalDate.of(2020, 12, 1), "800", "ACTUAL");
        read(twoMonths, january, "900", "ACTUAL");

        ops().post("/bill-runs/2021-02-08").then().statusCode(200)
                .body("run.posted", equalTo(9)).body("run.held", equalTo(1))
                .body("run.notBillable", equalTo(1)).body("run.failed", equalTo(0));

        JsonPath run = billRunStatus();
        JsonPath bills = ops().get("/bill-runs/2021-02-08").then().statusCode(200).extract().jsonPath();
        assertThat(run.getLong("date")).isEqualTo(20210208L);
        assertThat(run.getLong("running")).isZero();
        assertThat(run.getLong("finishedAt")).isGreaterThanOrEqualTo(run.getLong("startedAt"));
        assertThat(run.getLong("readsFound")).isEqualTo(11L);
        // the figures are the bills the run made
        assertThat(run.getLong("posted")).isEqualTo(bills.getLong("posted")).isEqualTo(9L);
        assertThat(run.getLong("held")).isEqualTo(bills.getLong("held")).isEqualTo(1L);
        assertThat(run.getLong("drafted")).isEqualTo(bills.getLong("count")).isEqualTo(10L);
        assertThat(run.getLong("notBillable")).isEqualTo(1L);
        assertThat(run.getLong("failed")).isZero();
        assertThat(bills.getList("review.esiId")).containsExactly(estimated);
        assertThat(bills.getLong("progress.posted")).isEqualTo(9L);
        assertThat(bills.getString("progress.requestedBy")).isEqualTo(Api.OPERATIONS_USER);
        assertThat(bills.getString("progress.finishedAt")).isNotNull();

        // each posted bill was charged to the ledger and announced through the outbox, once
        List<String> posted = new ArrayList<>(clean);
        posted.add(twoMonths);
        long charges = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from ledger_posting p join bill b on b.id::text = p.reference
                where b.run_date = date '2021-02-08' and p.kind = 'CHARGE'""").getSingleResult()).longValue());
        long events = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                select count(*) from outbox_event where event_type = 'billing.bill-posted.v1' and event_key in (?1)""")
                .setParameter(1, posted).getSingleResult()).longValue());
        assertThat(charges).isEqualTo(run.getLong("posted"));
        assertThat(events).isEqualTo(run.getLong("posted"));
        for (String esiId : clean) {
            String billId = ops().queryParam("esiId", esiId).get("/bills").then().statusCode(200)
                    .body("$", hasSize(1)).extract().path("[0].id");
            ops().get("/bills/" + billId).then().body("status", equalTo("POSTED"))
                    .body("amountDue", org.hamcrest.Matchers.comparesEqualTo(new BigDecimal("162.45")))
                    .body("history.action", contains("DRAFTED", "POSTED"))
                    .body("ledgerPostingId", notNullValue());
        }
        // January was validated against December's bill: 29.0 kWh/day against 25.8 is within the band, so it posted
        ops().queryParam("esiId", twoMonths).get("/bills").then().body("status", contains("POSTED", "POSTED"));
        ops().queryParam("esiId", noProduct).get("/bills").then().body("$", hasSize(0));
        ops().queryParam("type", BillDrafting.BILL_NO_PRODUCT).queryParam("esiId", noProduct).get("/exceptions")
                .then().body("$", hasSize(1));

        // a second run finds nothing left to bill: nothing twice, and the progress still shows the run that did
        ops().post("/bill-runs/2021-02-08").then().statusCode(200)
                .body("run.posted", equalTo(0)).body("run.held", equalTo(0)).body("count", equalTo(10));
        assertThat(billRunStatus().getLong("posted")).isEqualTo(9L);
    }

    @Test
    void a_read_that_fails_its_chunk_does_not_keep_the_others_of_the_chunk_from_their_bills() {
        String product = product();
        LocalDate february = LocalDate.of(2021, 2, 1);
        List<String> premises = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String esiId = account(product);
            read(esiId, february, "1000", "ACTUAL");
            premises.add(esiId);
        }
        String poisoned = premises.get(1);
        // an unforeseen fault writing one bill: the database refuses it
        String trigger = "refuse_bill_" + RUN.toLowerCase();
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("create function " + trigger + "() returns trigger language plpgsql as $$ begin "
                    + "if new.esi_id = '" + poisoned + "' then raise exception 'refused for the test'; end if; "
                    + "return new; end $$").executeUpdate();
            em.createNativeQuery("create trigger " + trigger + " before insert on bill for each row execute function "
                    + trigger + "()").executeUpdate();
        });
        try {
            ops().post("/bill-runs/2021-03-08").then().statusCode(200)
                    .body("run.posted", equalTo(4)).body("run.failed", equalTo(1));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("drop trigger " + trigger + " on bill").executeUpdate();
                em.createNativeQuery("drop function " + trigger + "()").executeUpdate();
            });
        }

        for (String esiId : premises) {
            ops().queryParam("esiId", esiId).get("/bills").then().statusCode(200)
                    .body("$", hasSize(esiId.equals(poisoned) ? 0 : 1));
        }
        ops().queryParam("type", BillDrafting.BILL_RATING_FAILED).queryParam("esiId", poisoned).get("/exceptions")
                .then().body("$", hasSize(1)).body("[0].summary", org.hamcrest.Matchers.containsString("could not be billed"));
        JsonPath run = billRunStatus();
        assertThat(run.getLong("date")).isEqualTo(20210308L);
        assertThat(run.getLong("readsFound")).isEqualTo(5L);
        assertThat(run.getLong("posted")).isEqualTo(4L);
        assertThat(run.getLong("drafted")).isEqualTo(4L);
        assertThat(run.getLong("failed")).isEqualTo(1L);
    }
}
