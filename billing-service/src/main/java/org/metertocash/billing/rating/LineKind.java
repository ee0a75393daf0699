package org.metertocash.billing.rating;

/** What a bill line charges for; bills, ledgers and checks (e.g. against the TDSP invoice) group lines by kind. */
public enum LineKind {
    /** The REP's energy charge (one line per tier or time-of-use period). */
    ENERGY,
    /** The REP's base charge per billing cycle, prorated for a partial cycle. */
    BASE_CHARGE,
    /** The REP's daily charge ($/day × days). */
    DAILY_CHARGE,
    /** A conditional fee whose usage band the period's usage falls in. */
    FEE,
    /** A usage credit whose band the period's usage falls in (a negative amount). */
    CREDIT,
    /** The wires utility's fixed monthly customer charge, passed through. */
    TDU_CUSTOMER_CHARGE,
    /** The wires utility's delivery charge per kWh, passed through. */
    TDU_DELIVERY_CHARGE,
    /** A tax or assessment, a percentage of the taxable base (all the lines above). */
    TAX
}
