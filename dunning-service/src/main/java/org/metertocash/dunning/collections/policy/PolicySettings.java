package org.metertocash.dunning.collections.policy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The parameters of the collection policy, as configured under {@code dunning.policy} (see
 * {@code collections/PolicyConfig}). Constructing one checks every Texas limit, so a policy that would break a rule
 * cannot start: {@link #validate()} lists every problem in one message.
 *
 * @param postpay          the post-pay policy
 * @param prepay           the pre-pay policy
 * @param reconnectOverdueAfter a reconnect not completed within this time raises RECONNECT_OVERDUE
 */
public record PolicySettings(Postpay postpay, Prepay prepay, Duration reconnectOverdueAfter) {

    /** 16 TAC §25.480(c): a late fee is at most 5 % of the past-due balance. */
    public static final BigDecimal MAX_LATE_FEE_PERCENT = new BigDecimal("5");
    /** 16 TAC §25.483: the disconnect date on a notice is at least 10 days after its issuance. */
    public static final int MIN_DISCONNECT_DAYS_AFTER_NOTICE = 10;

    /**
     * @param steps                        the steps in the order they are tried
     * @param pastDueDaysAfterDue          a bill is past due this many days after its due date (§25.480(b): 1)
     * @param lateFeeEnabled               whether late fees are assessed at all
     * @param lateFeePercent               of the bill's past-due balance (≤ 5, §25.480(c))
     * @param noticeDaysAfterDue           the disconnect notice goes out this many days after the due date (≥ 1,
     *                                     §25.483: no earlier than the day after), on a business day
     * @param disconnectDaysAfterNotice    the disconnect date printed is this many days after issuance (≥ 10)
     * @param disconnectThreshold          no notice and no disconnection unless the past-due amount is above it
     * @param disconnectOnWeekendsAndHolidays whether a disconnect date and a disconnection may fall on a day that is
     *                                     not a business day (§25.483: only where payments can be taken and service
     *                                     restored then)
     * @param retryRejections              650 rejection reasons after which the disconnect is tried again on the next
     *                                     eligible day (e.g. WTM weather moratorium); others wait for operations
     */
    public record Postpay(List<Step> steps, int pastDueDaysAfterDue, boolean lateFeeEnabled, BigDecimal lateFeePercent,
            int noticeDaysAfterDue, int disconnectDaysAfterNotice, BigDecimal disconnectThreshold,
            boolean disconnectOnWeekendsAndHolidays, Set<String> retryRejections) {
        public Postpay {
            steps = List.copyOf(steps);
            retryRejections = Set.copyOf(retryRejections);
        }
    }

    /**
     * @param steps                        the steps in the order they are tried
     * @param disconnectDaysAfterWarning   disconnection may follow this many days after the disconnect warning
     * @param disconnectOnWeekendsAndHolidays whether a pre-pay disconnection may happen on a day payments may not be
     *                                     taken (§25.498: no disconnection when payments cannot be taken)
     * @param retryRejections              as for post-pay
     */
    public record Prepay(List<Step> steps, int disconnectDaysAfterWarning, boolean disconnectOnWeekendsAndHolidays,
            Set<String> retryRejections) {
        public Prepay {
            steps = List.copyOf(steps);
            retryRejections = Set.copyOf(retryRejections);
        }
    }

    /** The problems of these settings, each naming its configuration key; empty when the policy may start. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        steps("dunning.policy.postpay.steps", postpay.steps(), false, problems);
        steps("dunning.policy.prepay.steps", prepay.steps(), true, problems);
        if (postpay.pastDueDaysAfterDue() < 1) {
            problems.add("dunning.policy.postpay.past-due.days-after-due must be at least 1: a bill is past due the"
                    + " day after its due date (16 TAC §25.480(b)), not " + postpay.pastDueDaysAfterDue());
        }
        BigDecimal percent = postpay.lateFeePercent();
        if (percent == null || percent.signum() < 0 || percent.compareTo(MAX_LATE_FEE_PERCENT) > 0) {
            problems.add("dunning.policy.postpay.late-fee.percent must be between 0 and 5: a late fee is at most 5 %"
                    + " of the past-due balance (16 TAC §25.480(c)), not " + percent);
        }
        if (postpay.noticeDaysAfterDue() < 1) {
            problems.add("dunning.policy.postpay.disconnect-notice.days-after-due must be at least 1: a disconnect"
                    + " notice is issued no earlier than the day after the due date (16 TAC §25.483), not "
                    + postpay.noticeDaysAfterDue());
        }
        if (postpay.disconnectDaysAfterNotice() < MIN_DISCONNECT_DAYS_AFTER_NOTICE) {
            problems.add("dunning.policy.postpay.disconnect-notice.disconnect-days-after-notice must be at least 10:"
                    + " the disconnect date is at least 10 days after the notice is issued (16 TAC §25.483), not "
                    + postpay.disconnectDaysAfterNotice());
        }
        if (postpay.disconnectThreshold() == null || postpay.disconnectThreshold().signum() < 0) {
            problems.add("dunning.policy.postpay.disconnect.threshold must be zero or more, not "
                    + postpay.disconnectThreshold());
        }
        if (prepay.disconnectDaysAfterWarning() < 1) {
            problems.add("dunning.policy.prepay.disconnect.days-after-warning must be at least 1: a pre-pay customer"
                    + " is warned before disconnection (16 TAC §25.498), not " + prepay.disconnectDaysAfterWarning());
        }
        if (reconnectOverdueAfter == null || reconnectOverdueAfter.isNegative() || reconnectOverdueAfter.isZero()) {
            problems.add("dunning.policy.reconnect.overdue-after must be a positive duration, not "
                    + reconnectOverdueAfter);
        }
        return problems;
    }

    /** Refuses settings with problems, naming every one. */
    public PolicySettings validate() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The collection policy cannot start: " + String.join("; ", problems));
        }
        return this;
    }

    private static void steps(String key, List<Step> steps, boolean prepay, List<String> problems) {
        if (steps.isEmpty() || steps.get(steps.size() - 1) != Step.CURRENT) {
            problems.add(key + " must end with 'current' (what an account is when no other step matches): " + names(steps));
        }
        if (steps.stream().distinct().count() != steps.size()) {
            problems.add(key + " lists a step twice: " + names(steps));
        }
        for (Step step : steps) {
            if (!step.allowedIn(prepay)) {
                problems.add(key + ": '" + step.configName() + "' is not a " + (prepay ? "pre-pay" : "post-pay")
                        + " step");
            }
        }
    }

    private static List<String> names(List<Step> steps) {
        return steps.stream().map(Step::configName).toList();
    }
}
