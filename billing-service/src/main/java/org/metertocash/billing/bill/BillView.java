package org.metertocash.billing.bill;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.metertocash.billing.bill.validation.ValidationResult;
import org.metertocash.billing.ledger.LedgerAccount;
import org.metertocash.billing.rating.LineKind;
import org.metertocash.billing.rating.RateUnit;

import io.quarkus.panache.common.Sort;

/**
 * A bill as the API shows it: totals, status, dates, lines, validation results and its audit trail; a bill cancelled
 * because its usage was restated names the read that restated it and its rebill, and a rebill the bill it replaces.
 */
public record BillView(UUID id, String accountNumber, String esiId, String productCode, LocalDate periodStart,
        LocalDate periodEnd, int days, BigDecimal totalKwh, String readingQuality, BigDecimal chargesTotal,
        BigDecimal taxTotal, BigDecimal amountDue, Bill.Status status, LocalDate runDate, LocalDate issueDate,
        LocalDate dueDate, UUID ledgerPostingId, UUID reversalPostingId, UUID rebillOf, UUID rebilledBy,
        UUID restatedByReadId, List<ValidationResult> validation,
        List<String> failedRules, List<Line> lines, List<Action> history) {

    /** One bill line. */
    public record Line(int lineNo, LineKind kind, String code, String description, BigDecimal quantity, RateUnit unit,
            BigDecimal rate, BigDecimal amount, LedgerAccount ledgerAccount) {
    }

    /** One audit step. */
    public record Action(BillAction.Action action, String actor, String note, Instant at) {
    }

    /** A bill with its lines and history. */
    static BillView of(Bill bill) {
        List<Line> lines = BillPosting.lines(bill).stream().map(l -> new Line(l.lineNo, l.kind, l.code, l.description,
                l.quantity, l.unit, l.rate, l.amount, l.ledgerAccount)).toList();
        List<Action> history = BillAction.<BillAction> list("billId", Sort.by("id"), bill.id).stream()
                .map(a -> new Action(a.action, a.actor, a.note, a.at)).toList();
        return of(bill, lines, history);
    }

    /** A bill in a list: totals and status, without lines and history. */
    static BillView summary(Bill bill) {
        return of(bill, null, null);
    }

    private static BillView of(Bill bill, List<Line> lines, List<Action> history) {
        return new BillView(bill.id, bill.accountNumber, bill.esiId, bill.productCode, bill.periodStart,
                bill.periodEnd, bill.days, bill.totalKwh, bill.readingQuality, bill.chargesTotal, bill.taxTotal,
                bill.amountDue, bill.status, bill.runDate, bill.issueDate, bill.dueDate, bill.ledgerPostingId,
                bill.reversalPostingId, bill.rebillOf, bill.rebilledBy, bill.restatedByReadId, bill.validation,
                bill.validation.stream().filter(r -> !r.passed()).map(ValidationResult::rule).toList(), lines,
                history);
    }
}
