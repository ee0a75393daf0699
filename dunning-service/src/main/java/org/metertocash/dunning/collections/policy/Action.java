package org.metertocash.dunning.collections.policy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.metertocash.dunning.gates.Designation;
import org.metertocash.dunning.notices.NoticeChannel;
import org.metertocash.dunning.notices.NoticeKind;

/** What a {@link Decision} asks the engine to do, in the transaction that records the step. */
public sealed interface Action {

    /** Assess a one-time late fee on one bill's past-due balance (16 TAC §25.480(c)). */
    record AssessLateFee(UUID billId, BigDecimal amount, BigDecimal pastDueAmount) implements Action {
    }

    /** Issue a notice to the customer through one channel. */
    record IssueNotice(NoticeKind kind, NoticeChannel channel, BigDecimal amount, LocalDate disconnectDate)
            implements Action {
    }

    /** Ask edi-gateway to send a 650_01 disconnect for the premise. */
    record RequestDisconnect(LocalDate requestedDate) implements Action {
    }

    /** Withdraw the disconnect order already published (edi-gateway drops it or sends a cancelling 650_01). */
    record CancelDisconnect(UUID originalRequestId) implements Action {
    }

    /** Ask edi-gateway to send a 650_01 reconnect, at once (§25.483(n)). */
    record RequestReconnect(LocalDate requestedDate) implements Action {
    }

    /** The hold the account was under is cleared: why, and what was undone. */
    record ClearHold(String reason) implements Action {
    }

    /** Raise a work item for operations, once per cause. */
    record RaiseWorkItem(String type, String summary) implements Action {
    }

    /** Close the open work item of this type for the account: its cause went away. */
    record CloseWorkItem(String type) implements Action {
    }

    /** Ask billing to move a pre-pay account to a postpaid product, without a fee (§25.498). */
    record RequestPrepayConversion(Designation designation) implements Action {
    }
}
