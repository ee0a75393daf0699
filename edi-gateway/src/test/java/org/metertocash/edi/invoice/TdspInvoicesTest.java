package org.metertocash.edi.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
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
import org.metertocash.contracts.edi.TdspInvoiceReceived;
import org.metertocash.edi.premises.KnownPremises;
import org.metertocash.edi.usage.EnrolledPremises;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.ReceivedEvent;
import org.metertocash.testkit.TestProducer;
import org.metertocash.testkit.TopicProbe;
import org.metertocash.testkit.market.TdspFiles;
import org.metertocash.testkit.market.TdspFiles.Charge;

import io.quarkus.test.junit.QuarkusTest;

/** 810_02 invoices from the wires utility, posted as files, to TdspInvoiceReceived and the transaction log. */
@QuarkusTest
class TdspInvoicesTest {

    private static final LocalDate JUNE = LocalDate.of(2026, 6, 1);
    private static final LocalDate JULY = LocalDate.of(2026, 7, 1);
    private static final Charge CUSTOMER = new Charge("BAS001", "CUSTOMER CHARGE", new BigDecimal("4.23"));
    private static final Charge DISTRIBUTION = new Charge("DIS001", "DISTRIBUTION CHARGE", new BigDecimal("62.12"));
    private static final Charge CREDIT = new Charge("CRE001", "INTEREST CREDIT", new BigDecimal("-1.50"));

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

    static ReceivedEvent awaitInvoice(TopicProbe probe, String esiId, String invoiceNumber) {
        return probe.await(e -> TdspInvoiceReceived.TYPE.equals(e.type()) && esiId.equals(e.subject())
                && invoiceNumber.equals(e.json().path("invoiceNumber").asText()), Duration.ofSeconds(20));
    }

    @Test
    void an_original_invoice_is_published_with_its_charges_credits_and_total() {
        String esiId = enroll(producer).esiId();
        TdspFiles.Invoice invoice = tdsp.invoice(esiId, JUNE, JULY, CUSTOMER, DISTRIBUTION, CREDIT);

        String transactionId = upload(tdsp.file(invoice)).post("/edi/inbound").then().statusCode(202)
                .body("interchanges[0].transactions[0].transactionSet", equalTo("810_02"))
                .body("interchanges[0].transactions[0].status", equalTo("PROCESSED"))
                .extract().path("interchanges[0].transactions[0].id");

        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.EDI)) {
            ReceivedEvent received = awaitInvoice(probe, esiId, invoice.invoiceNumber());
            TdspInvoiceReceived event = received.as(TdspInvoiceReceived.class);
            assertThat(event.purpose()).isEqualTo("ORIGINAL");
            assertThat(event.originalInvoiceNumber()).isNull();
            assertThat(event.tdspDuns()).isEqualTo(TdspFiles.ONCOR_DUNS);
            assertThat(event.invoiceDate()).isEqualTo(invoice.invoiceDate());
            assertThat(event.dueDate()).isEqualTo(invoice.dueDate());
            assertThat(event.periodStart()).isEqualTo(JUNE);
            assertThat(event.periodEnd()).isEqualTo(JULY);
            assertThat(event.totalAmount()).isEqualByComparingTo("64.85");
            assertThat(event.charges()).extracting(TdspInvoiceReceived.Charge::code,
                    TdspInvoiceReceived.Charge::description).containsExactly(tuple("BAS001", "CUSTOMER CHARGE"),
                            tuple("DIS001", "DISTRIBUTION CHARGE"), tuple("CRE001", "INTEREST CREDIT"));
            assertThat(event.charges()).extracting(TdspInvoiceReceived.Charge::amount)
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("4.23"), new BigDecimal("62.12"), new BigDecimal("-1.50"));
            assertThat(event.ediTransactionId()).hasToString(transactionId);
            assertThat(received.correlationId()).isEqualTo(transactionId);
            Api.operations().get("/edi/transactions/" + transactionId).then().statusCode(200)
                    .body("status", equalTo("PROCESSED")).body("bgnReference", equalTo(invoice.invoiceNumber()))
                    .body("producedEventId", equalTo(received.id()))
                    .body("details.charges[2].code", equalTo("CRE001"));
        }
    }

    @Test
    void a_replacement_and_a_cancel_name_the_invoice_they_restate() {
        String esiId = enroll(producer).esiId();
        TdspFiles.Invoice original = tdsp.invoice(esiId, JUNE, JULY, CUSTOMER, DISTRIBUTION);
        upload(tdsp.file(original)).post("/edi/inbound").then().statusCode(202);
        TdspFiles.Invoice replace = tdsp.replace(original, CUSTOMER,
                new Charge("DIS001", "DISTRIBUTION CHARGE", new BigDecimal("65.00")));
        TdspFiles.Invoice cancel = tdsp.cancel(replace);

        upload(tdsp.file(replace)).post("/edi/inbound").then().statusCode(202);
        upload(tdsp.file(cancel)).post("/edi/inbound").then().statusCode(202);

        try (TopicProbe probe = new TopicProbe(RealInfrastructure.kafkaBootstrapServers(), Topics.EDI)) {
            TdspInvoiceReceived replaced = awaitInvoice(probe, esiId, replace.invoiceNumber())
                    .as(TdspInvoiceReceived.class);
            assertThat(replaced.purpose()).isEqualTo("REPLACE");
            assertThat(replaced.originalInvoiceNumber()).isEqualTo(original.invoiceNumber());
            assertThat(replaced.totalAmount()).isEqualByComparingTo("69.23");
            TdspInvoiceReceived cancelled = awaitInvoice(probe, esiId, cancel.invoiceNumber())
                    .as(TdspInvoiceReceived.class);
            assertThat(cancelled.purpose()).isEqualTo("CANCEL");
            assertThat(cancelled.originalInvoiceNumber()).isEqualTo(replace.invoiceNumber());
        }
    }

    @Test
    void an_invoice_whose_charges_do_not_add_up_is_failed_with_a_work_item() {
        String esiId = enroll(producer).esiId();
        TdspFiles.Invoice invoice = tdsp.invoice(esiId, JUNE, JULY, CUSTOMER, DISTRIBUTION)
                .withTotal(new BigDecimal("70.00"));

        String transactionId = upload(tdsp.file(invoice)).post("/edi/inbound").then().statusCode(422)
                .body("result.interchanges[0].transactions[0].status", equalTo("FAILED"))
                .body("result.interchanges[0].transactions[0].errors[0]",
                        containsString("the charges add up to 66.35, not to the total (TDS01) 70.00"))
                .extract().path("result.interchanges[0].transactions[0].id");

        Api.operations().queryParam("type", TdspInvoices.INVOICE_INVALID).queryParam("esiId", esiId)
                .get("/exceptions").then().statusCode(200).body("reference", hasItem(transactionId));
        Api.operations().get("/edi/transactions/" + transactionId).then().body("producedEventId", nullValue());
        assertThat(outboxTypes(em, esiId)).doesNotContain(TdspInvoiceReceived.TYPE);
    }

    @Test
    void an_invoice_for_an_esi_id_we_never_enrolled_is_held() {
        String stranger = EnrolledPremises.newEsiId();
        String transactionId = upload(tdsp.file(tdsp.invoice(stranger, JUNE, JULY, CUSTOMER))).post("/edi/inbound")
                .then().statusCode(422).body("result.interchanges[0].transactions[0].status", equalTo("FAILED"))
                .extract().path("result.interchanges[0].transactions[0].id");
        Api.operations().queryParam("type", KnownPremises.UNKNOWN_ESI_ID).get("/exceptions").then()
                .body("reference", hasItem(transactionId));
        assertThat(outboxTypes(em, stranger)).isEmpty();
    }
}
