package org.metertocash.edi.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.metertocash.edi.acknowledgement.AcknowledgementFixtures.awaitAcknowledgementFileFor;
import static org.metertocash.edi.acknowledgement.AcknowledgementFixtures.detail;
import static org.metertocash.edi.acknowledgement.AcknowledgementFixtures.read;
import static org.metertocash.edi.acknowledgement.AcknowledgementFixtures.sendRequest;
import static org.metertocash.edi.acknowledgement.AcknowledgementFixtures.upload;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.common.RequestType;
import org.metertocash.edi.acknowledgement.AcknowledgementFixtures.SentRequest;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.TestProducer;
import org.metertocash.testkit.market.Acknowledgements997;
import org.metertocash.testkit.market.MarketSimulator;
import org.metertocash.x12.FunctionalGroup;
import org.metertocash.x12.Interchange;
import org.metertocash.x12.Segment;
import org.metertocash.x12.TransactionSet;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Every inbound functional group gets its 997 (Texas SET: within 24 hours of receipt), once, and 997s get none. */
@QuarkusTest
class AcknowledgementsSentTest {

    private static TestProducer producer;
    private final MarketSimulator market = new MarketSimulator();
    private final Acknowledgements997 partner = new Acknowledgements997();

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

    /** Our 997 as the partner receives it: from us, to the answer's sender, one FA group with one 997. */
    private static TransactionSet our997(String file, Interchange answered) {
        Interchange interchange = read(file);
        assertThat(interchange.errors()).isEmpty();
        assertThat(interchange.senderId()).isEqualTo(answered.receiverId());
        assertThat(interchange.receiverId()).isEqualTo(answered.senderId());
        FunctionalGroup group = interchange.groups().get(0);
        assertThat(group.functionalId()).isEqualTo("FA");
        TransactionSet set = group.transactions().get(0);
        assertThat(set.type()).isEqualTo("997");
        assertThat(set.errors()).as("our 997 is valid against the 997 schema").isEmpty();
        return set;
    }

    private static List<String> body(TransactionSet set) {
        return set.segments().stream().map(s -> s.text('*')).toList();
    }

    private long acknowledgementsSentFor(Interchange inbound) {
        return ((Number) em.createNativeQuery("""
                select count(*) from edi_transaction where direction = 'OUTBOUND' and set_id = '997'
                and details -> 'acknowledges' ->> 'senderId' = ?1 and details -> 'acknowledges' ->> 'gs06' = ?2""")
                .setParameter(1, inbound.senderId()).setParameter(2, inbound.groups().get(0).controlNumber())
                .getSingleResult()).longValue();
    }

    @Test
    void an_inbound_814_response_gets_a_997_accepting_it_in_the_outbound_folder() {
        SentRequest request = sendRequest(producer, RequestType.SWITCH);
        byte[] answer = market.accept(request.file(), LocalDate.now().plusDays(3));
        Interchange answered = read(answer);

        String inboundId = upload(answer).then().statusCode(202)
                .body("interchanges[0].transactions[0].status", equalTo("PROCESSED"))
                .extract().path("interchanges[0].transactions[0].id");

        TransactionSet ack = our997(awaitAcknowledgementFileFor(inboundId), answered);
        assertThat(body(ack)).containsExactly("ST*997*0001",
                "AK1*GE*" + answered.groups().get(0).controlNumber(), "AK2*814*0001", "AK5*A", "AK9*A*1*1*1",
                "SE*6*0001");
        JsonPath inbound = detail(inboundId);
        assertThat(inbound.getString("acknowledgement.kind")).isEqualTo("997");
        assertThat(inbound.getString("acknowledgement.direction")).isEqualTo("OUTBOUND");
        assertThat(inbound.getString("acknowledgement.code")).isEqualTo("A");
        assertThat(inbound.getString("acknowledgement.groupCode")).isEqualTo("A");
        JsonPath sent997 = detail(inbound.getString("acknowledgement.ediTransactionId"));
        assertThat(sent997.getString("transactionSet")).isEqualTo("997");
        assertThat(sent997.getString("direction")).isEqualTo("OUTBOUND");
        assertThat(sent997.getList("acknowledges.transactionId")).containsExactly(inboundId);
    }

    @Test
    void a_syntactically_broken_transaction_gets_a_997_rejecting_it_with_ak3_ak4_and_ak5_codes() {
        SentRequest request = sendRequest(producer, RequestType.SWITCH);
        String valid = new String(market.accept(request.file(), LocalDate.now().plusDays(3)), StandardCharsets.US_ASCII);
        String badDate = "20261345";
        String broken = valid.replaceFirst("DTM\\*150\\*\\d{8}", "DTM*150*" + badDate);
        Interchange answered = read(broken);
        Segment dtm = answered.groups().get(0).transactions().get(0).first("DTM").orElseThrow();

        String inboundId = upload(broken.getBytes(StandardCharsets.US_ASCII)).then().statusCode(422)
                .body("result.interchanges[0].transactions[0].status", equalTo("REJECTED"))
                .extract().path("result.interchanges[0].transactions[0].id");

        TransactionSet ack = our997(awaitAcknowledgementFileFor(inboundId), answered);
        assertThat(body(ack)).containsExactly("ST*997*0001",
                "AK1*GE*" + answered.groups().get(0).controlNumber(), "AK2*814*0001",
                "AK3*DTM*" + dtm.position() + "**8", // 8: segment has data element errors
                "AK4*2*373*8*" + badDate,            // DTM02, data element 373, 8: invalid date
                "AK5*R*5",                           // 5: one or more segments in error
                "AK9*R*1*1*0", "SE*8*0001");
        JsonPath inbound = detail(inboundId);
        assertThat(inbound.getString("acknowledgement.code")).isEqualTo("R");
        assertThat(inbound.getString("acknowledgement.errors.segments[0].segment")).isEqualTo("DTM");
        assertThat(inbound.getInt("acknowledgement.errors.segments[0].segmentPosition")).isEqualTo(dtm.position());
        assertThat(inbound.getString("acknowledgement.errors.segments[0].elements[0].code")).isEqualTo("8");
        assertThat(inbound.getString("acknowledgement.errors.segments[0].elements[0].badData")).isEqualTo(badDate);
    }

    @Test
    void a_duplicate_interchange_gets_no_second_997() {
        SentRequest request = sendRequest(producer, RequestType.SWITCH);
        byte[] answer = market.accept(request.file(), LocalDate.now().plusDays(4));
        Interchange answered = read(answer);

        upload(answer).then().statusCode(202).body("status", equalTo("PROCESSED"));
        assertThat(acknowledgementsSentFor(answered)).isEqualTo(1);
        upload(answer).then().statusCode(202).body("status", equalTo("DUPLICATE"));

        assertThat(acknowledgementsSentFor(answered)).isEqualTo(1);
    }

    @Test
    void a_997_from_a_partner_is_never_acknowledged() {
        SentRequest request = sendRequest(producer, RequestType.SWITCH);
        byte[] ack = partner.accept(request.file());
        Interchange received = read(ack);

        String inboundId = upload(ack).then().statusCode(202).extract().path("interchanges[0].transactions[0].id");

        assertThat(acknowledgementsSentFor(received)).isZero();
        assertThat(detail(inboundId).getString("acknowledgement")).isNull();
    }
}
