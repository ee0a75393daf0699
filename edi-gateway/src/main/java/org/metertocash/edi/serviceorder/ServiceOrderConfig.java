package org.metertocash.edi.serviceorder;

import java.util.Map;

import io.smallrye.config.ConfigMapping;

/** Configuration of service orders: the wires utilities we send them to. */
@ConfigMapping(prefix = "edi.service-orders")
public interface ServiceOrderConfig {

    /**
     * The wires utilities (TDSPs) by DUNS, as dunning names them on its requests: the partner name used for their
     * control numbers, their file names and N1*8S02, e.g. {@code 1039940674000=ONCOR}. Market-specific, so kept in
     * configuration: another market adds its utilities here.
     */
    Map<String, String> tdspPartners();
}
