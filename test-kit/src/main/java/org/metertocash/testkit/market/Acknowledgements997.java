package org.metertocash.testkit.market;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.metertocash.x12.FunctionalGroup;
import org.metertocash.x12.Interchange;
import org.metertocash.x12.OutboundInterchange;
import org.metertocash.x12.ParsedFile;
import org.metertocash.x12.TransactionSet;
import org.metertocash.x12.X12Reader;
import org.metertocash.x12.X12Schemas;
import org.metertocash.x12.X12Writer;
import org.metertocash.x12.ack.ApplicationAdvice;
import org.metertocash.x12.ack.FunctionalAcknowledgement;

/**
 * Plays the receiving partner's side of acknowledgements for tests, the e2e suite and the local runner: reads one
 * of our outbound files and answers it as the partner's translator would — a 997 accepting every transaction set of
 * each group, or rejecting them with AK5/AK9 codes — or, on content, an 824 rejecting our transaction (OTI*TR quoting
 * our BGN02, GS06, ST02 and ST01, with a TED reason). Each answer is a complete interchange from the partner (the
 * receiver of our file) to us.
 */
public final class Acknowledgements997 {

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final X12Schemas schemas = new X12Schemas();
    private final X12Reader reader = new X12Reader(schemas);
    private final X12Writer writer = new X12Writer(schemas);
    private final AtomicLong controlNumbers = new AtomicLong(System.nanoTime() % 100_000_000L);

    /** A 997 accepting every transaction set of our file (AK5*A per set, AK9*A). */
    public byte[] accept(byte[] ourFile) {
        Interchange ours = read(ourFile);
        List<FunctionalAcknowledgement> acks = new ArrayList<>();
        for (FunctionalGroup group : ours.groups()) {
            List<FunctionalAcknowledgement.TransactionResponse> responses = group.transactions().stream()
                    .map(t -> new FunctionalAcknowledgement.TransactionResponse(t.type(), t.controlNumber(), List.of(),
                            FunctionalAcknowledgement.ACCEPTED, List.of()))
                    .toList();
            acks.add(new FunctionalAcknowledgement(group.functionalId(), group.controlNumber(), responses,
                    FunctionalAcknowledgement.ACCEPTED, responses.size(), responses.size(), responses.size(),
                    List.of()));
        }
        return write997(ours, acks);
    }

    /**
     * A 997 rejecting every transaction set of our file: AK5*R with {@code transactionCode} (718, e.g. 5 one or more
     * segments in error), and AK9*R with {@code groupCode} (716, e.g. 5 wrong transaction count; null for none).
     */
    public byte[] reject(byte[] ourFile, String transactionCode, String groupCode) {
        Interchange ours = read(ourFile);
        List<FunctionalAcknowledgement> acks = new ArrayList<>();
        for (FunctionalGroup group : ours.groups()) {
            List<FunctionalAcknowledgement.TransactionResponse> responses = group.transactions().stream()
                    .map(t -> new FunctionalAcknowledgement.TransactionResponse(t.type(), t.controlNumber(), List.of(),
                            FunctionalAcknowledgement.REJECTED,
                            transactionCode == null ? List.of() : List.of(transactionCode)))
                    .toList();
            acks.add(new FunctionalAcknowledgement(group.functionalId(), group.controlNumber(), responses,
                    FunctionalAcknowledgement.REJECTED, responses.size(), responses.size(), 0,
                    groupCode == null ? List.of() : List.of(groupCode)));
        }
        return write997(ours, acks);
    }

    /** A 997 exactly as given (one group per acknowledgement), from the receiver of our file. */
    public byte[] write997(byte[] ourFile, List<FunctionalAcknowledgement> acks) {
        return write997(read(ourFile), acks);
    }

    /**
     * An 824 rejecting the first transaction set of our file: OTI*TR*TN with our BGN02 (OTI03), GS06 (OTI08), ST02
     * (OTI09) and ST01 (OTI10), REF*Q5 when our transaction carries an ESI ID, and TED with the reason.
     */
    public byte[] reject824(byte[] ourFile, String reasonCode, String reasonText) {
        Interchange ours = read(ourFile);
        FunctionalGroup group = ours.groups().get(0);
        TransactionSet transaction = group.transactions().get(0);
        String bgn02 = transaction.first("BGN").map(b -> b.element(2)).orElse("");
        long control = controlNumbers.incrementAndGet();
        LocalDateTime now = LocalDateTime.now();
        ApplicationAdvice advice = new ApplicationAdvice("00", "ADV" + control, now.format(CCYYMMDD),
                List.of(new ApplicationAdvice.Party("SJ", "RETAILER", ours.senderId())),
                List.of(new ApplicationAdvice.Advice(ApplicationAdvice.REJECTED, ApplicationAdvice.TRANSACTION_REFERENCE,
                        bgn02, group.controlNumber(), transaction.controlNumber(), transaction.type(),
                        transaction.ref("Q5").map(esiId -> Map.of("Q5", esiId)).orElse(Map.of()),
                        List.of(new ApplicationAdvice.TechnicalError(reasonCode, reasonText, List.of())))));
        return writer.write(new OutboundInterchange("01", ours.receiverId(), "01", ours.senderId(), now,
                String.format("%09d", control % 1_000_000_000L), "T",
                List.of(new OutboundInterchange.Group(ApplicationAdvice.FUNCTIONAL_ID, ours.receiverId(),
                        ours.senderId(), Long.toString(control),
                        List.of(new OutboundInterchange.Transaction(ApplicationAdvice.SET_ID, "0001", advice.body()))))));
    }

    private byte[] write997(Interchange ours, List<FunctionalAcknowledgement> acks) {
        long control = controlNumbers.incrementAndGet();
        List<OutboundInterchange.Group> groups = new ArrayList<>();
        for (int i = 0; i < acks.size(); i++) {
            groups.add(new OutboundInterchange.Group(FunctionalAcknowledgement.FUNCTIONAL_ID, ours.receiverId(),
                    ours.senderId(), Long.toString(control + i), List.of(new OutboundInterchange.Transaction(
                            FunctionalAcknowledgement.SET_ID, "0001", acks.get(i).body()))));
        }
        controlNumbers.addAndGet(acks.size());
        return writer.write(new OutboundInterchange("01", ours.receiverId(), "01", ours.senderId(),
                LocalDateTime.now(), String.format("%09d", control % 1_000_000_000L), "T", groups));
    }

    private Interchange read(byte[] ourFile) {
        ParsedFile parsed = reader.read(ourFile);
        if (!parsed.readable() || parsed.interchanges().isEmpty()) {
            throw new IllegalArgumentException("not a readable X12 file: " + parsed.fatalError());
        }
        return parsed.interchanges().get(0);
    }
}
