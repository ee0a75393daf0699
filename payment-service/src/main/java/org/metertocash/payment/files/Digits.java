package org.metertocash.payment.files;

/** Whether a field of a fixed-width or delimited record is all digits — checked on every field of every line. */
public final class Digits {

    private Digits() {
    }

    /** One or more ASCII digits and nothing else. */
    public static boolean only(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** Exactly {@code length} ASCII digits. */
    public static boolean exactly(String value, int length) {
        return value != null && value.length() == length && only(value);
    }
}
