package org.metertocash.edi.acknowledgement;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.metertocash.contracts.common.RequestType;
import org.metertocash.contracts.enrollment.EnrollmentSubmitted;
import org.metertocash.edi.Market;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.TestProducer;
import org.metertocash.x12.Interchange;
import org.metertocash.x12.ParsedFile;
import org.metertocash.x12.X12Reader;
import org.metertocash.x12.X12Schemas;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Shared steps of the acknowledgement, advice, monitoring and transaction log tests. */
public final class AcknowledgementFixtures {

    public static final Duration WAIT = Duration.ofSeconds(30);
    public static final X12Reader READER = new X12Reader(new X12Schemas());

    /** One of our enrollment requests, written to the outbound folder and logged. */
    public record SentRequest(EnrollmentSubmitted submitted, byte[] file, UUID transactionId) {

        public String esiId() {
            return submitted.esiId();
        }

        public Interchange interchange() {
            return read(file);
        }

        /** Our BGN02. */
        public String reference() {
            return interchange().groups().get(0).transactions().get(0).first("BGN").orElseThrow().element(2);
        }
    }

    /** Publishes an enrollment, waits for its 814 in the outbound folder and finds it in the log. */
    public static SentRequest sendRequest(TestProducer producer, RequestType type) {
        EnrollmentSubmitted submitted = Market.submitted(Market.newEsiId(), type);
        producer.publish(submitted);
        byte[] file = Market.awaitFileFor(submitted.esiId());
        String id = Api.operations().queryParam("esiId", submitted.esiId()).queryParam("direction", "OUTBOUND")
                .get("/edi/transactions").then().statusCode(200).extract().path("[0].id");
        return new SentRequest(submitted, file, UUID.fromString(id));
    }

    public static Response upload(byte[] file) {
        return Api.upstream().contentType("application/edi-x12").body(file).post("/edi/inbound");
    }

    public static JsonPath detail(Object transactionId) {
        return Api.operations().get("/edi/transactions/" + transactionId).then().statusCode(200).extract().jsonPath();
    }

    /** The 997 we sent for an inbound transaction, as written to the outbound folder. */
    public static String awaitAcknowledgementFileFor(Object inboundTransactionId) {
        String fileId = detail(inboundTransactionId).getString("acknowledgement.fileId");
        if (fileId == null) {
            throw new AssertionError("no 997 was sent for " + inboundTransactionId);
        }
        String fileName = Api.operations().get("/edi/files/" + fileId).then().statusCode(200).extract()
                .path("fileName");
        Path file = Market.OUTBOUND.resolve(fileName);
        await().atMost(WAIT).until(() -> Files.exists(file));
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Interchange read(byte[] file) {
        ParsedFile parsed = READER.read(file);
        if (!parsed.readable()) {
            throw new AssertionError("not readable: " + parsed.fatalError());
        }
        return parsed.interchanges().get(0);
    }

    public static Interchange read(String file) {
        return read(file.getBytes(StandardCharsets.US_ASCII));
    }

    private AcknowledgementFixtures() {
    }
}
