package org.metertocash.enrollment.premise;

import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Market settings, kept in configuration so other markets can be added without code changes. */
@ConfigMapping(prefix = "market")
public interface MarketConfig {

    /** The wires utilities (TDSPs) of the market, by code. */
    Map<String, Tdsp> tdsps();

    /** States whose premises this market serves. */
    List<String> serviceStates();

    Enrollment enrollment();

    interface Tdsp {
        String name();

        /** DUNS number used in the N1*8S segment of market transactions. */
        String duns();

        /** ESI ID prefixes ("10" + TDSP code) that identify the utility's premises. */
        List<String> esiIdPrefixes();

        /** Digits of this utility's ESI IDs: 17 for Oncor, AEP and TNMP, 22 for CenterPoint. */
        int esiIdLength();
    }

    interface Enrollment {
        /** ERCOT rejects requested dates more than 90 days ahead. */
        @WithDefault("90")
        int maxDaysAhead();

        /** ... or more than 270 days back. */
        @WithDefault("270")
        int maxDaysBack();
    }
}
