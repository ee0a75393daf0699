package org.metertocash.x12;

import java.util.List;

/** ISA ... IEA: sender and receiver (ISA05/06, ISA07/08), control number ISA13, usage indicator ISA15. */
public record Interchange(String senderQualifier, String senderId, String receiverQualifier, String receiverId,
        String date, String time, String controlNumber, String usageIndicator, Delimiters delimiters,
        List<FunctionalGroup> groups, List<SyntaxError> errors) {

    public boolean accepted() {
        return errors.isEmpty();
    }
}
