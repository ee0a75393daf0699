package org.metertocash.payment.posting;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and masks full card numbers (PANs) in text: runs of 13 to 19 digits (spaces or dashes allowed between
 * them) that pass the Luhn check. payment-service never stores a PAN (PCI DSS requirement 3: only the last four
 * digits may be kept in the clear), so a request that carries one is refused and what is kept of it is masked.
 * Runs shaped like an ESI ID (17 or 22 digits starting with 10; no card network issues numbers starting with 10)
 * are left alone.
 */
public final class CardNumbers {

    private static final Pattern DIGIT_RUN = Pattern.compile("\\d(?:[ -]?\\d){12,}");

    /** Whether the text carries something that is a card number. */
    public static boolean containsPan(String text) {
        if (text == null) {
            return false;
        }
        Matcher matcher = DIGIT_RUN.matcher(text);
        while (matcher.find()) {
            if (isPan(matcher.group())) {
                return true;
            }
        }
        return false;
    }

    /** The text with every card number replaced by asterisks and its last four digits. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = DIGIT_RUN.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (matcher.find()) {
            String run = matcher.group();
            String replacement = run;
            if (isPan(run)) {
                // every digit but the last four of the run goes, separators kept: nothing of the PAN is readable
                int keepFrom = run.length();
                for (int digitsKept = 0; keepFrom > 0 && digitsKept < 4; ) {
                    keepFrom--;
                    if (Character.isDigit(run.charAt(keepFrom))) {
                        digitsKept++;
                    }
                }
                replacement = run.substring(0, keepFrom).replaceAll("\\d", "*") + run.substring(keepFrom);
            }
            matcher.appendReplacement(masked, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(masked);
        return masked.toString();
    }

    /** The run, or a stretch of its space- or dash-separated groups, is a 13-19 digit number passing Luhn. */
    private static boolean isPan(String run) {
        String[] groups = run.split("[ -]");
        for (int first = 0; first < groups.length; first++) {
            StringBuilder digits = new StringBuilder();
            for (int last = first; last < groups.length && digits.length() + groups[last].length() <= 19; last++) {
                digits.append(groups[last]);
                if (digits.length() >= 13 && isPanDigits(digits.toString())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isPanDigits(String digits) {
        if (digits.startsWith("10") && (digits.length() == 17 || digits.length() == 22)) {
            return false;
        }
        return Luhn.valid(digits);
    }

    private CardNumbers() {
    }
}
