package org.metertocash.billing.account;

/**
 * The meter-read cycle an account bills on. ERCOT's TDSPs read meters on a fixed number of cycles (20); the
 * cycle is derived from the premise part of the ESI ID (the digits after the "10" + TDSP prefix), so one premise
 * always lands on the same cycle and premises spread evenly: cycle = (premise number mod count) + 1.
 */
public final class BillCycle {

    public static int forEsiId(String esiId, int cycles) {
        if (esiId == null || !esiId.matches("\\d{17}|\\d{22}")) {
            throw new IllegalArgumentException("not an ESI ID: " + esiId);
        }
        if (cycles < 1) {
            throw new IllegalArgumentException("there must be at least one bill cycle");
        }
        // the last ten digits identify the premise within its utility (17-digit IDs have a 7-digit prefix)
        long premise = Long.parseLong(esiId.substring(esiId.length() - 10));
        return (int) (premise % cycles) + 1;
    }

    private BillCycle() {
    }
}
