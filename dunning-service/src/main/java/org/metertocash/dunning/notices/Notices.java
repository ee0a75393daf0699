package org.metertocash.dunning.notices;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.contracts.common.ServiceAddress;
import org.metertocash.contracts.dunning.NoticeIssued;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.outbox.Outbox;
import org.metertocash.platform.workqueue.WorkQueue;

/**
 * Issues notices: records each (issued now) and publishes NoticeIssued through the outbox. An e-mail or text message
 * counts as sent then — the downstream sender delivers it from the event; a printed notice is sent when the day's
 * print batch is written. A notice that cannot be sent (no mailing address, e-mail or phone for its channel) is kept
 * and raises its NOTICE_NOT_SENT work item at once.
 */
@ApplicationScoped
public class Notices {

    /** A notice was not sent in time, or cannot be sent (reference: the notice id). Raised once per notice. */
    public static final String NOTICE_NOT_SENT = "NOTICE_NOT_SENT";

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    @Inject
    WorkQueue workQueue;

    /**
     * Records the notice (issued now) and publishes NoticeIssued through the outbox; a PRINT notice is sent when the
     * day's print batch is written, EMAIL/SMS notices count as sent when NoticeIssued is published. Returns the
     * notice id. TxType.MANDATORY.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID issue(NoticeRequest request, Cause cause) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(request.accountNumber(), "accountNumber");
        Objects.requireNonNull(request.esiId(), "esiId");
        Objects.requireNonNull(request.kind(), "kind");
        Objects.requireNonNull(request.channel(), "channel");
        Instant now = clock.instant();
        Notice notice = new Notice();
        notice.id = UUID.randomUUID();
        notice.accountNumber = request.accountNumber();
        notice.esiId = request.esiId();
        notice.kind = request.kind();
        notice.channel = request.channel();
        notice.template = template(request.kind(), request.channel());
        Recipient recipient = request.recipient();
        if (recipient != null) {
            notice.recipientName = trim(recipient.name());
            notice.email = trim(recipient.email());
            notice.phone = trim(recipient.phone());
            ServiceAddress address = recipient.mailingAddress();
            if (address != null) {
                notice.addressLine1 = trim(address.line1());
                notice.addressLine2 = trim(address.line2());
                notice.city = trim(address.city());
                notice.state = trim(address.state());
                notice.zip = trim(address.zip());
                notice.county = trim(address.county());
            }
        }
        notice.amount = request.amount() == null ? null : request.amount().setScale(2, java.math.RoundingMode.HALF_UP);
        notice.disconnectDate = request.disconnectDate();
        notice.issuedOn = request.issuedOn() == null ? LocalDate.now(clock) : request.issuedOn();
        notice.issuedAt = now;
        notice.sendProblem = sendProblem(notice);
        if (notice.sendProblem == null && notice.channel != NoticeChannel.PRINT) {
            notice.sentAt = now; // the sender takes it from NoticeIssued, written in this transaction
        }
        if (notice.sendProblem != null) {
            notice.notSentReportedAt = now;
        }
        notice.persist();
        outbox.publish(new NoticeIssued(notice.id, notice.accountNumber, notice.esiId, notice.kind.name(),
                notice.channel.name(), notice.template, recipientFor(notice), notice.amount, notice.disconnectDate,
                notice.issuedOn), cause);
        if (notice.sendProblem != null) {
            workQueue.raise(NOTICE_NOT_SENT, notice.esiId, notice.id.toString(), "The " + words(notice) + " "
                    + notice.id + " of account " + notice.accountNumber + " cannot be sent: " + notice.sendProblem,
                    details(notice, notice.sendProblem));
        }
        return notice.id;
    }

    /** The template a notice is rendered from: {@code <kind>.<channel>}, e.g. {@code disconnect-notice.print}. */
    static String template(NoticeKind kind, NoticeChannel channel) {
        return kind.templateStem() + "." + channel.name().toLowerCase(Locale.ROOT);
    }

    /** Why the notice cannot go out by its channel, or null. */
    static String sendProblem(Notice notice) {
        List<String> missing = new ArrayList<>();
        switch (notice.channel) {
            case PRINT -> {
                if (notice.recipientName == null) {
                    missing.add("the customer's name");
                }
                if (notice.addressLine1 == null || notice.city == null || notice.state == null || notice.zip == null) {
                    missing.add("a complete mailing address (line 1, city, state, ZIP)");
                }
            }
            case EMAIL -> {
                if (notice.email == null || !notice.email.contains("@")) {
                    missing.add("an e-mail address");
                }
            }
            case SMS -> {
                if (notice.phone == null) {
                    missing.add("a phone number");
                }
            }
        }
        if (notice.kind == NoticeKind.DISCONNECT_NOTICE && (notice.amount == null || notice.disconnectDate == null)) {
            // §25.483(m): a disconnect notice states the amount past due and the disconnection date
            missing.add("the amount past due and the disconnection date a disconnect notice must state");
        }
        return missing.isEmpty() ? null : "missing " + String.join(", ", missing);
    }

    /** The recipient NoticeIssued names for the channel: mailing name, e-mail address or phone number. */
    static String recipientFor(Notice notice) {
        return switch (notice.channel) {
            case PRINT -> notice.recipientName;
            case EMAIL -> notice.email;
            case SMS -> notice.phone;
        };
    }

    static String words(Notice notice) {
        return notice.kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " (" + notice.channel + ")";
    }

    static Map<String, Object> details(Notice notice, String reason) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("noticeId", notice.id.toString());
        details.put("accountNumber", notice.accountNumber);
        details.put("kind", notice.kind.name());
        details.put("channel", notice.channel.name());
        details.put("issuedAt", notice.issuedAt.toString());
        details.put("reason", reason);
        return details;
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
