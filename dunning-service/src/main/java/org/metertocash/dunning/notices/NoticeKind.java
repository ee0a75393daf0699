package org.metertocash.dunning.notices;

/** What a notice tells the customer; each kind has its template. */
public enum NoticeKind {
    DISCONNECT_NOTICE, PAST_DUE_REMINDER, PREPAY_LOW_BALANCE, PREPAY_DISCONNECT_WARNING, RECONNECT_CONFIRMATION;

    /** The template name stem, e.g. {@code disconnect-notice}. */
    public String templateStem() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
