package org.metertocash.edi.outbound;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.edi.config.EdiConfig;
import org.metertocash.edi.controlnumbers.ControlNumbers;
import org.metertocash.edi.files.EdiFile;
import org.metertocash.edi.files.EdiFiles;
import org.metertocash.edi.transactions.Direction;
import org.metertocash.edi.transactions.EdiInterchange;
import org.metertocash.edi.transactions.EdiTransaction;
import org.metertocash.edi.transactions.TransactionLog;
import org.metertocash.edi.transactions.TransactionStatus;
import org.metertocash.x12.Delimiters;
import org.metertocash.x12.OutboundInterchange;
import org.metertocash.x12.Segment;
import org.metertocash.x12.TransactionSet;
import org.metertocash.x12.X12Writer;

/**
 * Sends one transaction set to a trading partner, the one way every outbound set goes: control numbers allocated
 * for the partner (no gaps, no reuse), the interchange written and validated by StAEDI, the file stored and
 * queued for the outbound folder (written there after commit, named by {@code edi.outbound-file-name}), the
 * interchange and transaction logged as QUEUED. Runs in the caller's transaction: the caller links the returned
 * transaction to its business (enrollment, request id) and publishes its event in the same transaction.
 */
@ApplicationScoped
public class OutboundSender {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");

    @Inject
    EdiConfig config;

    @Inject
    ControlNumbers controlNumbers;

    @Inject
    X12Writer writer;

    @Inject
    EdiFiles files;

    @Inject
    TransactionLog log;

    @Inject
    Clock clock;

    /**
     * What to send.
     *
     * @param partner        the partner's name for control numbers and file names (e.g. ERCOT, ONCOR)
     * @param partnerDuns    the partner's DUNS (ISA08, GS03)
     * @param functionalId   GS01 (GE for 814, MO for 650, FA for 997, ...)
     * @param setId          ST01 (814, 650, 997, ...)
     * @param transactionSet the Texas SET name logged and used in the file name (814_01, 650_01, 997, ...)
     * @param body           the segments between ST and SE
     */
    public record Outgoing(String partner, String partnerDuns, String functionalId, String setId,
            String transactionSet, List<Segment> body) {
    }

    /** The logged transaction (QUEUED), its file and the control numbers used. */
    public record Sent(EdiTransaction transaction, EdiFile file, String isa13, String gs06, String fileName) {
    }

    /**
     * A reference for BGN02 that is unique for us and readable: the date and the interchange control number that
     * carries it (allocate with {@link #reserve(String)} first when the body must quote it).
     */
    public String reference(ControlNumbers.Allocated numbers) {
        return LocalDateTime.now(clock).toLocalDate().format(CCYYMMDD) + numbers.isa13();
    }

    /** Allocates the control numbers of the next interchange to the partner. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ControlNumbers.Allocated reserve(String partner) {
        return controlNumbers.next(partner);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Sent send(Outgoing outgoing) {
        return send(outgoing, controlNumbers.next(outgoing.partner()));
    }

    /** Sends with control numbers already reserved for this partner. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Sent send(Outgoing outgoing, ControlNumbers.Allocated numbers) {
        LocalDateTime now = LocalDateTime.now(clock);
        OutboundInterchange interchange = new OutboundInterchange("01", config.self().duns(), "01",
                outgoing.partnerDuns(), now, numbers.isa13(), config.usageIndicator(),
                List.of(new OutboundInterchange.Group(outgoing.functionalId(), config.self().duns(),
                        outgoing.partnerDuns(), numbers.gs06(),
                        List.of(new OutboundInterchange.Transaction(outgoing.setId(), "0001", outgoing.body())))));
        byte[] content = writer.write(interchange);
        String fileName = config.outboundFileName().replace("{partner}", outgoing.partner())
                .replace("{set}", outgoing.transactionSet()).replace("{isa13}", numbers.isa13())
                .replace("{timestamp}", now.format(STAMP));
        EdiFile file = files.queueOutbound(content, fileName, outgoing.partner());
        EdiInterchange logged = log.interchange(file.id, Direction.OUTBOUND, config.self().duns(),
                outgoing.partnerDuns(), numbers.isa13(), config.usageIndicator(), TransactionStatus.QUEUED, null);
        List<Segment> stored = new ArrayList<>();
        stored.add(new Segment("ST", List.of(outgoing.setId(), "0001"), 1));
        for (int i = 0; i < outgoing.body().size(); i++) {
            stored.add(new Segment(outgoing.body().get(i).tag(), outgoing.body().get(i).elements(), i + 2));
        }
        int count = outgoing.body().size() + 2;
        stored.add(new Segment("SE", List.of(Integer.toString(count), "0001"), count));
        EdiTransaction transaction = log.transaction(logged, numbers.gs06(),
                new TransactionSet(outgoing.setId(), "0001", stored, List.of()), Delimiters.STANDARD,
                outgoing.transactionSet(), TransactionStatus.QUEUED);
        return new Sent(transaction, file, numbers.isa13(), numbers.gs06(), fileName);
    }
}
