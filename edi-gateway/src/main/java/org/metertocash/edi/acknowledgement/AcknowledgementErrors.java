package org.metertocash.edi.acknowledgement;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.metertocash.x12.ack.FunctionalAcknowledgement;

/**
 * What a 997 reported about one transaction, as the transaction log keeps it: the AK5 codes, each AK3 segment note
 * with its AK4 element notes, and the group's AK9 codes.
 */
final class AcknowledgementErrors {

    static Map<String, Object> of(FunctionalAcknowledgement.TransactionResponse response,
            FunctionalAcknowledgement ack) {
        Map<String, Object> errors = new LinkedHashMap<>();
        if (response != null && !response.errorCodes().isEmpty()) {
            errors.put("transactionErrorCodes", response.errorCodes());
        }
        if (response != null && !response.segmentNotes().isEmpty()) {
            List<Map<String, Object>> segments = new ArrayList<>();
            for (FunctionalAcknowledgement.SegmentNote note : response.segmentNotes()) {
                Map<String, Object> segment = new LinkedHashMap<>();
                segment.put("segment", note.segmentId());
                segment.put("segmentPosition", note.position());
                if (note.loopId() != null) {
                    segment.put("loopId", note.loopId());
                }
                if (note.errorCode() != null) {
                    segment.put("code", note.errorCode());
                }
                List<Map<String, Object>> elements = new ArrayList<>();
                for (FunctionalAcknowledgement.ElementNote element : note.elementNotes()) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("elementPosition", element.position());
                    if (element.componentPosition() != null) {
                        item.put("componentPosition", element.componentPosition());
                    }
                    if (element.reference() != null) {
                        item.put("dataElement", element.reference());
                    }
                    item.put("code", element.errorCode());
                    if (element.badData() != null) {
                        item.put("badData", element.badData());
                    }
                    elements.add(item);
                }
                if (!elements.isEmpty()) {
                    segment.put("elements", elements);
                }
                segments.add(segment);
            }
            errors.put("segments", segments);
        }
        if (!ack.groupErrorCodes().isEmpty()) {
            errors.put("groupErrorCodes", ack.groupErrorCodes());
        }
        return errors.isEmpty() ? null : errors;
    }

    private AcknowledgementErrors() {
    }
}
