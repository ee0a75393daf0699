package org.metertocash.dunning.serviceorders;

import java.util.Map;

import io.smallrye.config.ConfigMapping;

/**
 * {@code dunning.service-orders.*}: the DUNS of each wires utility by its code (ONCOR, CNP, AEP_TCC, AEP_TNC, TNMP),
 * carried on every order for the 650's N1*8S.
 */
@ConfigMapping(prefix = "dunning.service-orders")
public interface ServiceOrdersConfig {

    Map<String, String> tdspDuns();
}
