package org.metertocash.edi.transactions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.metertocash.edi.acknowledgement.AcknowledgementFixtures.detail;
import static org.metertocash.edi.acknowledgement.AcknowledgementFixtures.sendRequest;
import static org.metertocash.edi.acknowledgement.AcknowledgementFixtures.upload;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.common.RequestType;
import org.metertocash.contracts.edi.MarketEnrollmentAccepted;
import org.metertocash.contracts.edi.MarketEnrollmentRequestSent;
import org.metertocash.edi.acknowledgement.AcknowledgementFixtures.SentRequest;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.TestProducer;
import org.metertocash.testkit.market.MarketSimulator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** The transaction log's list (filters, paging) and its one-transaction view. */
@QuarkusTest
class TransactionLogResourceTest {

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

    /** A request of ours and the market's accept of it, with the ids of both. */
    private record Conversation(SentRequest request, UUID answerId) {
    }

    private Conversation answeredRequest() {
        SentRequest request = sendRequest(producer, RequestType.SWITCH);
        String answerId = upload(market.accept(request.file(), LocalDate.now().plusDays(3))).then().statusCode(202)
                .extract().path("interchanges[0].transactions[0].id");
        return new Conversation(request, UUID.fromString(answerId));
    }

    private static Response list(RequestSpecification filters) {
        return filters.get("/edi/transactions").then().statusCode(200).extract().response();
    }

    private static List<String> ids(Response response) {
        return response.jsonPath().getList("id");
    }

    @Test
    void the_list_filters_by_set_direction_status_esi_id_enrollment_and_date() {
        Conversation conversation = answeredRequest();
        String esiId = conversation.request().esiId();
        String request = conversation.request().transactionId().toString();
        String answer = conversation.answerId().toString();
        LocalDate today = LocalDate.parse(Api.operations().get("/admin/clock").then().extract().path("today"));

        Response all = list(Api.operations().queryParam("esiId", esiId));
        assertThat(ids(all)).containsExactly(answer, request); // newest first
        assertThat(all.header(TransactionResource.TOTAL_COUNT)).isEqualTo("2");

        assertThat(ids(list(Api.operations().queryParam("esiId", esiId).queryParam("direction", "OUTBOUND"))))
                .containsExactly(request);
        assertThat(ids(list(Api.operations().queryParam("esiId", esiId).queryParam("set", "814_05"))))
                .containsExactly(answer);
        assertThat(ids(list(Api.operations().queryParam("esiId", esiId).queryParam("transactionSet", "814_01"))))
                .containsExactly(request);
        assertThat(ids(list(Api.operations().queryParam("esiId", esiId).queryParam("set", "814"))))
                .containsExactly(answer, request);
        assertThat(ids(list(Api.operations().queryParam("esiId", esiId).queryParam("status", "ANSWERED"))))
                .containsExactly(request);
        assertThat(ids(list(Api.operations().queryParam("enrollmentId",
                conversation.request().submitted().enrollmentId())))).containsExactlyInAnyOrder(answer, request);
        assertThat(ids(list(Api.operations().queryParam("esiId", esiId).queryParam("from", today.toString())
                .queryParam("to", today.toString())))).containsExactly(answer, request);
        Response tomorrow = list(Api.operations().queryParam("esiId", esiId)
                .queryParam("from", today.plusDays(1).toString()));
        assertThat(ids(tomorrow)).isEmpty();
        assertThat(tomorrow.header(TransactionResource.TOTAL_COUNT)).isEqualTo("0");
        assertThat(ids(list(Api.operations().queryParam("esiId", esiId).queryParam("to",
                today.minusDays(1).toString())))).isEmpty();
    }

    @Test
    void the_list_pages_with_the_total_in_a_header() {
        Conversation conversation = answeredRequest();
        String esiId = conversation.request().esiId();

        Response first = list(Api.operations().queryParam("esiId", esiId).queryParam("size", 1).queryParam("page", 0));
        Response second = list(Api.operations().queryParam("esiId", esiId).queryParam("size", 1).queryParam("page", 1));
        Response beyond = list(Api.operations().queryParam("esiId", esiId).queryParam("size", 1).queryParam("page", 2));

        assertThat(ids(first)).containsExactly(conversation.answerId().toString());
        assertThat(ids(second)).containsExactly(conversation.request().transactionId().toString());
        assertThat(ids(beyond)).isEmpty();
        assertThat(List.of(first, second, beyond)).allSatisfy(
                page -> assertThat(page.header(TransactionResource.TOTAL_COUNT)).isEqualTo("2"));
        Api.operations().queryParam("size", 0).get("/edi/transactions").then().statusCode(400);
    }

    @Test
    void one_transaction_shows_its_content_segments_acknowledgement_response_and_events() {
        Conversation conversation = answeredRequest();

        JsonPath answer = detail(conversation.answerId());
        assertThat(answer.getString("transactionSet")).isEqualTo("814_05");
        assertThat(answer.getString("setId")).isEqualTo("814");
        assertThat(answer.getString("details.action")).isEqualTo("WQ");
        assertThat(answer.getList("rawSegments", String.class)).contains("ASI*WQ*021~")
                .anySatisfy(s -> assertThat(s).startsWith("ST*814*"));
        assertThat(answer.getString("acknowledgement.kind")).isEqualTo("997");
        assertThat(answer.getString("acknowledgement.direction")).isEqualTo("OUTBOUND");
        assertThat(answer.getString("acknowledgement.code")).isEqualTo("A");
        assertThat(answer.getString("answers.id")).isEqualTo(conversation.request().transactionId().toString());
        assertThat(answer.getList("events.type")).containsExactly(MarketEnrollmentAccepted.TYPE);
        assertThat(answer.getString("events[0].payload.ediTransactionId")).isEqualTo(conversation.answerId().toString());

        JsonPath request = detail(conversation.request().transactionId());
        assertThat(request.getString("status")).isEqualTo("ANSWERED");
        assertThat(request.getString("businessResponse.id")).isEqualTo(conversation.answerId().toString());
        assertThat(request.getString("businessResponse.transactionSet")).isEqualTo("814_05");
        assertThat(request.getList("events.type")).containsExactly(MarketEnrollmentRequestSent.TYPE);
        assertThat(request.getString("acknowledgement")).isNull(); // no 997 from the market yet
    }

    @Test
    void an_unknown_transaction_is_a_problem_and_the_log_needs_a_caller() {
        Api.operations().get("/edi/transactions/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/edi/transactions").then().statusCode(401);
        Api.upstream().get("/edi/transactions").then().statusCode(200);
        Api.operations().queryParam("direction", "SIDEWAYS").get("/edi/transactions").then()
                .statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
    }
}
