package org.metertocash.dunning.plans;

/**
 * Why a customer asked for a deferred payment plan; together with the deferred bill's due date it decides whether
 * 16 TAC §25.480(j) required the plan to be offered ({@link PlanRequirement}).
 */
public enum PlanReason {
    /** The customer said they cannot pay all or part of the bill. */
    STATED_INABILITY,
    /** A customer designated critical care or chronic condition (§25.497). */
    CRITICAL_CARE_OR_CHRONIC,
    /** Extreme weather: five or more consecutive extreme-weather days in the month before the bill's due month. */
    EXTREME_WEATHER,
    /** The premise is in an area under a declared disaster. */
    DISASTER,
    /** The customer was underbilled and owes the back-billed amount. */
    UNDERBILLING,
    /** Any other reason: a plan offered by choice. */
    OTHER
}
