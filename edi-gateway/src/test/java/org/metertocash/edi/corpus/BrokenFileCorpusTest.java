package org.metertocash.edi.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.metertocash.contracts.common.RequestType;
import org.metertocash.edi.Market;
import org.metertocash.edi.corpus.BrokenMarketFiles.Broken;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;
import org.metertocash.testkit.TestProducer;
import org.metertocash.testkit.market.MarketSimulator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The generated corpus of broken market files through the running gateway: each is answered 422 problem+json with
 * what was read of it (never a 5xx), stored byte for byte, and put in front of operations as a work item; the
 * answer carries the X12 error the X12 layer found.
 */
@QuarkusTest
class BrokenFileCorpusTest {

    private static TestProducer producer;
    private static String answer;
    private static List<String> threeAnswers;

    @BeforeAll
    static void connect() {
        producer = new TestProducer(RealInfrastructure.kafkaBootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    /** Valid market answers to one of our real requests: the material the broken files are made from. */
    private static synchronized void sources() {
        if (answer != null) {
            return;
        }
        MarketSimulator market = new MarketSimulator();
        String esiId = Market.newEsiId();
        producer.publish(Market.submitted(esiId, RequestType.SWITCH));
        byte[] request = Market.awaitFileFor(esiId);
        LocalDate start = LocalDate.now().plusDays(3);
        answer = ascii(market.accept(request, start));
        threeAnswers = List.of(ascii(market.accept(request, start)), ascii(market.accept(request, start)),
                ascii(market.accept(request, start)));
    }

    @Test
    void the_corpus_has_every_kind_of_damage_and_is_made_from_a_file_the_gateway_accepts() {
        sources();
        List<Broken> corpus = BrokenMarketFiles.from(answer, threeAnswers);
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(40);
        assertThat(corpus).filteredOn(b -> b.expected() == null).hasSizeGreaterThanOrEqualTo(20);
        assertThat(corpus).filteredOn(b -> b.expected() != null).hasSizeGreaterThanOrEqualTo(20);
        // the untouched source is read cleanly: what the broken files report comes from the damage
        Api.upstream().contentType("application/edi-x12").body(answer.getBytes(StandardCharsets.ISO_8859_1))
                .post("/edi/inbound").then().statusCode(202);
    }

    @TestFactory
    Stream<DynamicTest> each_broken_file_is_answered_422_stored_as_received_and_queued_for_operations() {
        sources();
        return BrokenMarketFiles.from(answer, threeAnswers).stream()
                .map(broken -> DynamicTest.dynamicTest(broken.name(), () -> check(broken)));
    }

    /**
     * A GE without its GS (and so no transaction set): the envelope is rejected (TA1 022) and the file kept. The
     * gateway raises work items per file and per transaction set, so this file, whose envelope alone is wrong,
     * is asserted without one.
     */
    @Test
    void a_group_trailer_without_its_header_is_rejected_and_stored() {
        sources();
        String headless = answer.substring(0, BrokenMarketFiles.at(answer, "GS")) + answer.substring(BrokenMarketFiles.at(answer, "GE"));
        byte[] content = headless.getBytes(StandardCharsets.ISO_8859_1);
        Response response = post(content);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.jsonPath().getString("result.interchanges[0].status")).isEqualTo("REJECTED");
        assertThat(response.asString()).contains("INTERCHANGE error 022 at GE");
        String fileId = response.jsonPath().getString("result.fileId");
        assertThat(content(fileId)).isEqualTo(content);
        assertThat(openWorkItems()).as("a work item for the broken interchange of file %s", fileId)
                .anyMatch(item -> isAbout(item, fileId, List.of(fileId)));
    }

    private void check(Broken broken) {
        Response response = post(broken.content());
        assertThat(response.statusCode()).as("%s: status", broken).isEqualTo(422);
        assertThat(response.contentType()).as("%s: content type", broken).startsWith("application/problem+json");
        JsonPath problem = response.jsonPath();
        assertThat(problem.getInt("status")).isEqualTo(422);
        String fileId = problem.getString("result.fileId");
        assertThat(fileId).as("%s: the stored file", broken).isNotNull();
        if (broken.expected() == null) {
            assertThat(problem.getString("result.status")).as("%s: file status", broken).isEqualTo("REJECTED");
            assertThat(problem.getString("result.error")).as("%s: why it cannot be read", broken).isNotBlank();
        } else {
            assertThat(response.asString()).as("%s: the X12 error reported", broken).contains(broken.expected());
        }
        assertThat(content(fileId)).as("%s: stored as received", broken).isEqualTo(broken.content());
        List<String> references = new ArrayList<>(List.of(fileId));
        references.addAll(problem.getList("result.interchanges.transactions.flatten().id", String.class));
        assertThat(openWorkItems()).as("%s: a work item for file %s or its transactions", broken, fileId)
                .anyMatch(item -> isAbout(item, fileId, references));
    }

    private static boolean isAbout(Map<String, Object> item, String fileId, List<String> references) {
        String reference = String.valueOf(item.get("reference"));
        Object details = item.get("details");
        boolean detailsNameFile = details instanceof Map<?, ?> map && fileId.equals(String.valueOf(map.get("fileId")));
        return references.contains(reference) || reference.startsWith(fileId + "/") || detailsNameFile;
    }

    private static Response post(byte[] content) {
        return Api.upstream().contentType("application/edi-x12").body(content).post("/edi/inbound");
    }

    private static byte[] content(String fileId) {
        return Api.operations().get("/edi/files/" + fileId + "/content").then().statusCode(200).extract()
                .asByteArray();
    }

    private static List<Map<String, Object>> openWorkItems() {
        return Api.operations().queryParam("limit", 1000).get("/exceptions").then().statusCode(200).extract()
                .jsonPath().getList("$");
    }

    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
