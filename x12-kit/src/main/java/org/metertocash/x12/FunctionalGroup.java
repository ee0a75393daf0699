package org.metertocash.x12;

import java.util.List;

/** GS ... GE: functional identifier (GS01, e.g. GE for 814), application sender/receiver, control number GS06. */
public record FunctionalGroup(String functionalId, String sender, String receiver, String controlNumber,
        String version, List<TransactionSet> transactions, List<SyntaxError> errors) {
}
