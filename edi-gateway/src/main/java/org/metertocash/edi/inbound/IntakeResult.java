package org.metertocash.edi.inbound;

import java.util.List;
import java.util.UUID;

import org.metertocash.edi.files.EdiFile;
import org.metertocash.edi.transactions.TransactionStatus;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What became of an inbound file: per interchange and per transaction, its status and errors. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record IntakeResult(UUID fileId, String sha256, EdiFile.Status status, String error,
        List<InterchangeResult> interchanges) {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record InterchangeResult(String senderId, String controlNumber, TransactionStatus status,
            List<String> errors, List<TransactionResult> transactions) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record TransactionResult(UUID id, String transactionSet, String controlNumber, String esiId,
            TransactionStatus status, List<String> errors) {
    }

    /** Everything in the file was applied (or had been already). */
    public boolean clean() {
        return status == EdiFile.Status.PROCESSED || status == EdiFile.Status.DUPLICATE;
    }
}
