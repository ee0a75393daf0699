package org.metertocash.bench;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** What every load driver needs: basic authentication, latency quantiles, short error samples. */
final class Bench {

    private Bench() {
    }

    /** An HTTP basic {@code Authorization} header value. */
    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** The value at quantile q of sorted values (nearest rank), or -1 when there is none. */
    static long quantile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }

    /** Nanoseconds as milliseconds with one decimal, "n/a" for -1. */
    static String ms(long nanos) {
        return nanos < 0 ? "n/a" : String.format("%.1f", nanos / 1e6);
    }

    /** An answer's body on one line, cut to {@code max} characters. */
    static String abbreviate(String body, int max) {
        String flat = body.replace('\n', ' ');
        return flat.length() > max ? flat.substring(0, max) + "…" : flat;
    }
}
