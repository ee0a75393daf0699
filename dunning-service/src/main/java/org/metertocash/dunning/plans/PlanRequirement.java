package org.metertocash.dunning.plans;

import java.time.LocalDate;
import java.time.Month;
import java.util.Set;

import org.metertocash.dunning.gates.Designation;

/**
 * Whether 16 TAC §25.480(j) required a deferred payment plan to be offered, and which part of it: on request for bills
 * due in July, August or September to a critical-care or chronic-condition customer or one who states an inability to
 * pay; for bills due in January or February after five or more consecutive extreme-weather days in the month before;
 * during a declared disaster; and for an underbilling. Otherwise the plan is offered by choice. Pure.
 */
public final class PlanRequirement {

    /** The outcome: required or not, and the rule in words (recorded with the plan). */
    public record Outcome(boolean required, String rule) {
    }

    private static final Set<Month> SUMMER = Set.of(Month.JULY, Month.AUGUST, Month.SEPTEMBER);
    private static final Set<Month> WINTER = Set.of(Month.JANUARY, Month.FEBRUARY);

    /**
     * @param reason why the customer asked
     * @param billDueDate the due date of the bill whose balance is deferred
     * @param designations the premise's designations in force when the plan is made
     */
    public static Outcome of(PlanReason reason, LocalDate billDueDate, Set<Designation> designations) {
        Month month = billDueDate.getMonth();
        boolean summer = SUMMER.contains(month);
        boolean designated = designations.contains(Designation.CRITICAL_CARE)
                || designations.contains(Designation.CHRONIC_CONDITION);
        return switch (reason) {
            case STATED_INABILITY -> summer
                    ? new Outcome(true, "§25.480(j): bill due in July-September, customer stated an inability to pay")
                    : offered("stated inability to pay, but the bill is due in " + name(month)
                            + ", not July-September");
            case CRITICAL_CARE_OR_CHRONIC -> {
                if (!designated) {
                    yield offered("no critical-care or chronic-condition designation in force for the premise");
                }
                yield summer
                        ? new Outcome(true, "§25.480(j): bill due in July-September, critical-care or "
                                + "chronic-condition customer")
                        : offered("critical-care or chronic-condition customer, but the bill is due in " + name(month)
                                + ", not July-September");
            }
            case EXTREME_WEATHER -> WINTER.contains(month)
                    ? new Outcome(true, "§25.480(j): bill due in January-February after extreme weather in the "
                            + "month before")
                    : offered("extreme weather, but the bill is due in " + name(month) + ", not January-February");
            case DISASTER -> new Outcome(true, "§25.480(j): declared disaster");
            case UNDERBILLING -> new Outcome(true, "§25.480(j): underbilling");
            case OTHER -> offered("reason other than those of §25.480(j)");
        };
    }

    private static Outcome offered(String why) {
        return new Outcome(false, "offered, not required by §25.480(j): " + why);
    }

    private static String name(Month month) {
        String name = month.name();
        return name.charAt(0) + name.substring(1).toLowerCase();
    }

    private PlanRequirement() {
    }
}
