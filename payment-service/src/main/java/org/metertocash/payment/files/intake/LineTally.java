package org.metertocash.payment.files.intake;

import java.math.BigDecimal;

import org.metertocash.payment.files.Cents;
import org.metertocash.payment.posting.PaymentPosting;
import org.metertocash.payment.posting.PaymentStatus;

/**
 * What became of the lines of a file posted in one transaction — a chunk of the posting worker, a held batch released
 * by operations — counted and summed for the file's counters.
 */
final class LineTally {

    int posted;
    int unapplied;
    int failed;
    BigDecimal postedAmount = Cents.zero();
    BigDecimal unappliedAmount = Cents.zero();
    BigDecimal failedAmount = Cents.zero();

    void add(PaymentPosting.Result result) {
        switch (result.outcome()) {
            case POSTED -> posted(result.payment().amount);
            case UNAPPLIED -> unapplied(result.payment().amount);
            // a line that exists already (posted outside this worker): counted by where it is
            case REPEATED -> {
                if (result.payment().status == PaymentStatus.UNAPPLIED
                        || result.payment().status == PaymentStatus.REFUNDED) {
                    unapplied(result.payment().amount);
                } else {
                    posted(result.payment().amount);
                }
            }
            case KEY_CONFLICT -> throw new IllegalStateException("payment " + result.payment().id
                    + " already holds this line's key with other details");
        }
    }

    void posted(BigDecimal amount) {
        posted++;
        postedAmount = postedAmount.add(amount);
    }

    void unapplied(BigDecimal amount) {
        unapplied++;
        unappliedAmount = unappliedAmount.add(amount);
    }
}
