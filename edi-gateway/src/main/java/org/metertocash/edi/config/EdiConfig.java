package org.metertocash.edi.config;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who we are in the market, who ERCOT is, and where files go. */
@ConfigMapping(prefix = "edi")
public interface EdiConfig {

    /** The retailer (CR): our DUNS in ISA06/GS02 and N1*SJ, and our name. */
    Party self();

    /** ERCOT's DUNS, receiver of 814 requests. */
    @WithDefault("183529049")
    String ercotDuns();

    /** ISA15: P production, T test. */
    @WithDefault("T")
    String usageIndicator();

    Folders folders();

    /** Outbound file names; placeholders {partner} {set} {isa13} {timestamp}. */
    @WithDefault("{partner}_{set}_{isa13}_{timestamp}.x12")
    String outboundFileName();

    /** How often queued outbound files are looked for besides the after-commit delivery, e.g. 5s. */
    @WithDefault("5s")
    String deliverySweep();

    interface Party {
        String duns();

        String name();
    }

    interface Folders {
        @WithDefault("var/edi/outbound")
        Path outbound();

        @WithDefault("var/edi/inbound")
        Path inbound();
    }
}
