package org.metertocash.dunning.notices;

/** How a notice reaches the customer: printed and mailed by the print vendor, or e-mail / text by a downstream sender. */
public enum NoticeChannel {
    PRINT, EMAIL, SMS
}
