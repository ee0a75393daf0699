package org.metertocash.dunning.collections.policy;

/** The work items collections raises for operations (platform-kit work queue types). */
public final class WorkItemTypes {

    /** A disconnection due today is held by an extreme-weather moratorium for the county, or the county is unknown. */
    public static final String DISCONNECT_HELD_MORATORIUM = "DISCONNECT_HELD_MORATORIUM";
    /** A disconnection due is held because the premise is designated critical care or chronic condition. */
    public static final String DISCONNECT_HELD_DESIGNATION = "DISCONNECT_HELD_DESIGNATION";
    /** The wires utility rejected a disconnect or reconnect order (650_02 with a reason). */
    public static final String SERVICE_ORDER_REJECTED = "SERVICE_ORDER_REJECTED";
    /** A reconnect was not completed within the configured time. */
    public static final String RECONNECT_OVERDUE = "RECONNECT_OVERDUE";
    /** A 650 answer that matches no order of ours. */
    public static final String SERVICE_ORDER_UNMATCHED = "SERVICE_ORDER_UNMATCHED";

    private WorkItemTypes() {
    }
}
