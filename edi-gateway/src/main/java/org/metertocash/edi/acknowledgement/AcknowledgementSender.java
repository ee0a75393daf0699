package org.metertocash.edi.acknowledgement;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.metertocash.edi.config.EdiConfig;
import org.metertocash.edi.inbound.IntakeResult;
import org.metertocash.edi.outbound.OutboundSender;
import org.metertocash.edi.transactions.Direction;
import org.metertocash.edi.transactions.EdiAcknowledgement;
import org.metertocash.edi.transactions.EdiInterchange;
import org.metertocash.edi.transactions.EdiTransaction;
import org.metertocash.edi.transactions.TransactionLog;
import org.metertocash.platform.workqueue.WorkQueue;
import org.metertocash.x12.FunctionalGroup;
import org.metertocash.x12.Interchange;
import org.metertocash.x12.OutboundInterchange;
import org.metertocash.x12.TransactionSet;
import org.metertocash.x12.X12Schemas;
import org.metertocash.x12.X12Writer;
import org.metertocash.x12.ack.FunctionalAcknowledgement;
import org.metertocash.x12.ack.FunctionalAcknowledgementBuilder;

/**
 * Sends the 997 we owe for every functional group of an inbound interchange, once the interchange has been applied
 * and in its database transaction: the 997 is stored and queued with the transactions it acknowledges, or neither
 * is. Texas SET: a 997 is owed within 24 hours of receipt for every group but a group of 997s (an acknowledgement is
 * never acknowledged). A duplicate interchange is not applied, so it is not acknowledged a second time.
 *
 * <p>Each acknowledged transaction is linked to the 997 ({@link EdiAcknowledgement}, direction OUTBOUND) with its
 * AK5 code, so the transaction log shows which 997 answered it and what it said.
 */
@ApplicationScoped
public class AcknowledgementSender {

    private static final Logger LOG = Logger.getLogger(AcknowledgementSender.class);

    /** A group we owed a 997 for could not be acknowledged (e.g. its GS06 cannot be quoted). */
    public static final String NOT_SENT = "EDI_ACKNOWLEDGEMENT_NOT_SENT";

    private final FunctionalAcknowledgementBuilder builder = new FunctionalAcknowledgementBuilder(new X12Schemas());

    @Inject
    OutboundSender sender;

    @Inject
    EdiConfig config;

    @Inject
    X12Writer writer;

    @Inject
    TransactionLog log;

    @Inject
    AcknowledgementPartners partners;

    @Inject
    WorkQueue workQueue;

    /**
     * Acknowledges each functional group of an applied interchange.
     *
     * @param logged      the interchange as logged
     * @param interchange the interchange as read
     * @param results     the logged transactions, in the interchange's order (groups, then their sets)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void acknowledge(EdiInterchange logged, Interchange interchange,
            List<IntakeResult.TransactionResult> results) {
        int next = 0;
        for (FunctionalGroup group : interchange.groups()) {
            List<UUID> ids = new ArrayList<>();
            for (int i = 0; i < group.transactions().size(); i++, next++) {
                ids.add(next < results.size() ? results.get(next).id() : null);
            }
            if (isAcknowledgement(group)) {
                continue;
            }
            acknowledgeGroup(logged, interchange, group, ids);
        }
    }

    /** A group of 997s (GS01 FA) is never acknowledged. */
    static boolean isAcknowledgement(FunctionalGroup group) {
        return FunctionalAcknowledgement.FUNCTIONAL_ID.equals(group.functionalId())
                || (!group.transactions().isEmpty() && group.transactions().stream()
                        .allMatch(t -> FunctionalAcknowledgement.SET_ID.equals(t.type())));
    }

    private void acknowledgeGroup(EdiInterchange logged, Interchange interchange, FunctionalGroup group,
            List<UUID> transactionIds) {
        FunctionalAcknowledgement ack;
        try {
            if (!interchange.senderId().matches("[A-Za-z0-9]{2,15}")) {
                throw new IllegalArgumentException("the sender id '" + interchange.senderId()
                        + "' (ISA06) cannot be addressed");
            }
            ack = builder.acknowledge(group, interchange.errors());
            // written once without side effects first: control numbers are allocated only for a 997 that can be sent
            writer.write(trial(ack, interchange.senderId()));
        } catch (IllegalArgumentException e) {
            LOG.warnf("No 997 for group %s of interchange %s from %s: %s", group.controlNumber(),
                    interchange.controlNumber(), interchange.senderId(), e.getMessage());
            workQueue.raise(NOT_SENT, null, logged.id + "/" + group.controlNumber(),
                    "No 997 could be sent for group " + group.controlNumber() + " of interchange "
                            + interchange.controlNumber() + " from " + interchange.senderId() + ": " + e.getMessage(),
                    Map.of("interchangeId", logged.id.toString(), "fileId", logged.fileId.toString()));
            return;
        }
        OutboundSender.Sent sent = sender.send(new OutboundSender.Outgoing(partners.nameOf(interchange.senderId()),
                interchange.senderId(), FunctionalAcknowledgement.FUNCTIONAL_ID, FunctionalAcknowledgement.SET_ID,
                FunctionalAcknowledgement.SET_ID, ack.body()));
        EdiTransaction acknowledgement = sent.transaction();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("acknowledges", Map.of("interchangeId", logged.id.toString(), "isa13",
                interchange.controlNumber(), "senderId", interchange.senderId(), "functionalId", group.functionalId(),
                "gs06", group.controlNumber()));
        details.put("groupCode", ack.groupCode());
        details.put("included", ack.included());
        details.put("received", ack.received());
        details.put("accepted", ack.accepted());
        if (!ack.groupErrorCodes().isEmpty()) {
            details.put("groupErrorCodes", ack.groupErrorCodes());
        }
        log.details(acknowledgement, details);
        for (int i = 0; i < group.transactions().size(); i++) {
            UUID id = transactionIds.get(i);
            EdiTransaction acknowledged = id == null ? null : EdiTransaction.findById(id);
            if (acknowledged == null) {
                continue;
            }
            TransactionSet set = group.transactions().get(i);
            FunctionalAcknowledgement.TransactionResponse response = ack.transactions().get(i);
            EdiAcknowledgement link = log.acknowledgement(EdiAcknowledgement.FUNCTIONAL, Direction.OUTBOUND,
                    acknowledgement, acknowledged, interchange.senderId(), response.code(),
                    AcknowledgementErrors.of(response, ack));
            link.functionalId = group.functionalId();
            link.groupControlNumber = group.controlNumber();
            link.setId = set.type().isEmpty() ? acknowledged.setId : set.type();
            link.groupCode = ack.groupCode();
        }
    }

    /** The 997 in the envelope it will go in, but for its control numbers and time. */
    private OutboundInterchange trial(FunctionalAcknowledgement ack, String partnerDuns) {
        return new OutboundInterchange("01", config.self().duns(), "01", partnerDuns,
                LocalDateTime.of(2000, 1, 1, 0, 0), "000000001", config.usageIndicator(),
                List.of(new OutboundInterchange.Group(FunctionalAcknowledgement.FUNCTIONAL_ID, config.self().duns(),
                        partnerDuns, "1", List.of(new OutboundInterchange.Transaction(FunctionalAcknowledgement.SET_ID,
                                "0001", ack.body())))));
    }
}
