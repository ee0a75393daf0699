package org.metertocash.edi.serviceorder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The trading-partner name of a wires utility, from its DUNS ({@code edi.service-orders.tdsp-partners}). A DUNS not
 * in the directory still gets its orders, under the partner name {@code TDSP-<duns>}, so its control numbers stay
 * its own.
 */
@ApplicationScoped
public class TdspPartners {

    @Inject
    ServiceOrderConfig config;

    public String partnerFor(String tdspDuns) {
        String name = config.tdspPartners().get(tdspDuns);
        return name == null || name.isBlank() ? "TDSP-" + tdspDuns : name;
    }
}
