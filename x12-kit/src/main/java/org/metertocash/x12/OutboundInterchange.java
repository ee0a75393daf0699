package org.metertocash.x12;

import java.time.LocalDateTime;
import java.util.List;

/** An interchange to write: the envelope's parties and control numbers; counts are computed when written. */
public record OutboundInterchange(String senderQualifier, String senderId, String receiverQualifier,
        String receiverId, LocalDateTime preparedAt, String controlNumber, String usageIndicator,
        List<Group> groups) {

    public record Group(String functionalId, String sender, String receiver, String controlNumber,
            List<Transaction> transactions) {
    }

    /** A transaction set's body: the segments between ST and SE. */
    public record Transaction(String type, String controlNumber, List<Segment> body) {
    }
}
