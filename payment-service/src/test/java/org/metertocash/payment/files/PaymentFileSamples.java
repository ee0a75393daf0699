package org.metertocash.payment.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The sample payment files under src/test/resources/payment-files, as bytes or text. */
public final class PaymentFileSamples {

    private PaymentFileSamples() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = PaymentFileSamples.class.getResourceAsStream("/payment-files/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample payment file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.ISO_8859_1);
    }

    /** The sample with one exact piece of text replaced; fails when the piece is not there exactly once. */
    public static byte[] with(String name, String piece, String replacement) {
        return with(bytes(name), piece, replacement);
    }

    /** The content with one exact piece of text replaced; fails when the piece is not there exactly once. */
    public static byte[] with(byte[] content, String piece, String replacement) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(piece);
        if (at < 0 || text.indexOf(piece, at + 1) >= 0) {
            throw new IllegalArgumentException("'" + piece + "' is not in the file exactly once");
        }
        return (text.substring(0, at) + replacement + text.substring(at + piece.length()))
                .getBytes(StandardCharsets.ISO_8859_1);
    }
}
