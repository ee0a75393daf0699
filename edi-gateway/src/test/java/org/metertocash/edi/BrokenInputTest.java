package org.metertocash.edi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.metertocash.contracts.common.RequestType;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.TestProducer;
import org.metertocash.testkit.market.MarketSimulator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Bad input is stored, answered with problem+json, queued for operations: never a 5xx, never lost. */
@QuarkusTest
class BrokenInputTest {

    private static TestProducer producer;
    private static String validAnswer;
    private final MarketSimulator market = new MarketSimulator();

    @BeforeAll
    static void connect() {
        producer = new TestProducer(RealInfrastructure.kafkaBootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    private String validAnswer() {
        if (validAnswer == null) {
            String esiId = Market.newEsiId();
            producer.publish(Market.submitted(esiId, RequestType.SWITCH));
            validAnswer = new String(market.accept(Market.awaitFileFor(esiId), LocalDate.now().plusDays(3)),
                    StandardCharsets.US_ASCII);
        }
        return validAnswer;
    }

    private static Response post(String body) {
        return Api.upstream().contentType("application/edi-x12").body(body.getBytes(StandardCharsets.US_ASCII))
                .post("/edi/inbound");
    }

    @Test
    void each_kind_of_broken_file_is_stored_rejected_and_queued() {
        String valid = validAnswer();
        Map<String, String> corpus = new LinkedHashMap<>();
        corpus.put("not X12", "Dear ERCOT, please enroll 10443720000000001. Thanks!");
        corpus.put("empty", "");
        corpus.put("truncated ISA", valid.substring(0, 60));
        corpus.put("wrong SE count", valid.replaceFirst("SE\\*(\\d+)\\*", "SE*99*"));
        corpus.put("wrong IEA control number", valid.replaceFirst("IEA\\*1\\*\\d{9}", "IEA*1*999999999"));
        corpus.put("bad DTM date", valid.replaceFirst("DTM\\*150\\*\\d{8}", "DTM*150*20261345"));
        corpus.put("bad ASI code", valid.replaceFirst("ASI\\*WQ\\*", "ASI*QQ*"));
        corpus.put("missing trailer", valid.substring(0, valid.indexOf("IEA*")));
        for (var entry : corpus.entrySet()) {
            String fileId = post(entry.getValue()).then()
                    .statusCode(422).contentType("application/problem+json")
                    .body("status", equalTo(422))
                    .body("result.fileId", notNullValue())
                    .extract().path("result.fileId");
            Api.operations().get("/edi/files/" + fileId).then().statusCode(200)
                    .body("status", anyOf(equalTo("REJECTED"), equalTo("PARTIALLY_REJECTED")));
            assertThat(Api.operations().get("/edi/files/" + fileId + "/content").then().statusCode(200)
                    .extract().asByteArray()).as(entry.getKey()).isEqualTo(entry.getValue().getBytes());
        }
    }

    @Test
    void a_syntax_error_is_reported_with_its_position_and_x12_code() {
        String broken = validAnswer().replaceFirst("DTM\\*150\\*\\d{8}", "DTM*150*20261345");
        String transactionId = post(broken).then().statusCode(422)
                .body("result.interchanges[0].transactions[0].status", equalTo("REJECTED"))
                .extract().path("result.interchanges[0].transactions[0].id");
        Api.operations().get("/edi/transactions/" + transactionId).then().statusCode(200)
                .body("errors[0].segment", equalTo("DTM"))
                .body("errors[0].elementPosition", equalTo(2))
                .body("errors[0].code", equalTo("8"))
                .body("rawSegments", hasItem(org.hamcrest.Matchers.startsWith("DTM*150*20261345")));
        Api.operations().queryParam("type", "EDI_TRANSACTION_REJECTED").get("/exceptions").then()
                .body("reference", hasItem(transactionId));
    }

    @Test
    void an_unreadable_file_lands_in_the_work_queue() {
        String fileId = post("garbage " + System.nanoTime()).then().statusCode(422).extract().path("result.fileId");
        Api.operations().queryParam("type", "EDI_FILE_REJECTED").get("/exceptions").then()
                .body("reference", hasItem(fileId));
    }

    @Test
    void a_generated_corpus_of_mutations_never_causes_a_server_error() {
        byte[] valid = validAnswer().getBytes(StandardCharsets.US_ASCII);
        Random random = new Random(20261123);
        for (int i = 0; i < 40; i++) {
            byte[] mutant = valid.clone();
            int kind = i % 4;
            if (kind == 0) {
                mutant = java.util.Arrays.copyOf(valid, random.nextInt(valid.length));
            } else {
                for (int flips = 0; flips <= kind; flips++) {
                    mutant[random.nextInt(mutant.length)] = (byte) "*~>^0A9 Z\n".charAt(random.nextInt(10));
                }
            }
            int status = Api.upstream().contentType("application/edi-x12").body(mutant).post("/edi/inbound")
                    .then().extract().statusCode();
            assertThat(status).as("mutant %d", i).isIn(202, 422);
        }
    }
}
