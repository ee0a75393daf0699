package org.metertocash.dunning.notices;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.metertocash.contracts.common.ServiceAddress;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A notice issued to a customer: what, to whom, by which channel, when it was issued and when it was sent (a printed
 * notice: when its print batch was written; e-mail and text: when NoticeIssued was published for the sender).
 */
@Entity
@Table(name = "notice")
public class Notice extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "account_number", nullable = false)
    public String accountNumber;

    @Column(name = "esi_id", nullable = false)
    public String esiId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NoticeKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NoticeChannel channel;

    /** The template the notice is rendered from, e.g. {@code disconnect-notice.print}. */
    @Column(nullable = false)
    public String template;

    @Column(name = "recipient_name")
    public String recipientName;

    public String email;

    public String phone;

    @Column(name = "address_line1")
    public String addressLine1;

    @Column(name = "address_line2")
    public String addressLine2;

    public String city;

    public String state;

    public String zip;

    public String county;

    public BigDecimal amount;

    @Column(name = "disconnect_date")
    public LocalDate disconnectDate;

    @Column(name = "issued_on", nullable = false)
    public LocalDate issuedOn;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** The print batch that carries it (printed notices). */
    @Column(name = "batch_id")
    public UUID batchId;

    /** Why it cannot be sent (e.g. no mailing address), when it cannot. */
    @Column(name = "send_problem")
    public String sendProblem;

    @Column(name = "not_sent_reported_at")
    public Instant notSentReportedAt;

    public ServiceAddress mailingAddress() {
        return addressLine1 == null && city == null ? null
                : new ServiceAddress(addressLine1, addressLine2, city, state, zip, county);
    }
}
