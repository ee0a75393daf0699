package org.metertocash.e2e;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.market.TdspFiles;
import org.metertocash.testkit.platform.PlatformService;

import io.restassured.response.Response;

/**
 * Payment files against the running platform: uploading one to payment-service, waiting for it to finish, the
 * balances it changes, the files auto-draft writes. The files themselves are built by test-kit's
 * {@code org.metertocash.testkit.payments} (our CSV layout, BAI2 lockbox reports, NACHA returns, PPD entries read
 * back).
 */
final class PaymentFiles {

    private PaymentFiles() {
    }

    /** Posts a file to {@code /payment-files} as an upstream partner. */
    static Response upload(byte[] content, String contentType, String fileName) {
        return RunningPlatform.as(PlatformService.PAYMENT, Api.upstream()).contentType(contentType)
                .header("X-File-Name", fileName).body(content).post("/payment-files");
    }

    static Response upload(String content, String contentType, String fileName) {
        return upload(content.getBytes(StandardCharsets.UTF_8), contentType, fileName);
    }

    /** Waits until the stored file is no longer RECEIVED or POSTING and returns its final status. */
    static String awaitFinished(String fileId) {
        return Scenario.awaitValue(PlatformService.PAYMENT, "/payment-files/" + fileId, "status",
                org.hamcrest.Matchers.not(org.hamcrest.Matchers.oneOf(null, "RECEIVED", "POSTING")));
    }

    /** A money amount read from JSON (a float, an integer) that equals the decimal given, to the cent. */
    static Matcher<Number> amount(String expected) {
        BigDecimal want = new BigDecimal(expected);
        return new CustomTypeSafeMatcher<>("an amount of " + expected) {
            @Override
            protected boolean matchesSafely(Number actual) {
                return new BigDecimal(actual.toString()).compareTo(want) == 0;
            }
        };
    }

    /** Waits until billing shows the account's balance at exactly the amount. */
    static void awaitBalance(String esiId, String expected) {
        Scenario.awaitValue(PlatformService.BILLING, "/billing-accounts/" + esiId, "balance", amount(expected));
    }

    /** "Now" in the market's zone as a CSV {@code received_at} with its offset, a minute back (clocks drift). */
    static String receivedNow() {
        return OffsetDateTime.now(TdspFiles.MARKET_ZONE).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Waits until a file of this name is in the folder (written whole: the writer renames it into place). */
    static byte[] awaitFile(java.nio.file.Path folder, String name) {
        java.nio.file.Path file = folder.resolve(name);
        await().atMost(Scenario.WAIT).alias("file " + file).until(() -> java.nio.file.Files.isRegularFile(file));
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
