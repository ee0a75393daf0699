package org.metertocash.edi.acknowledgement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.metertocash.edi.config.EdiConfig;
import org.metertocash.edi.files.EdiFile;
import org.metertocash.edi.serviceorder.TdspPartners;
import org.metertocash.edi.transactions.Direction;

/**
 * The trading-partner name a 997 goes out under, from the DUNS it answers. Control numbers (ISA13, GS06) are
 * allocated per partner name, and a receiver must never see one twice: so a 997 shares the counter of everything
 * else we send that DUNS — the name of our latest outbound file to it, else ERCOT for ERCOT's DUNS, else the wires
 * utility's name from the TDSP directory.
 */
@ApplicationScoped
public class AcknowledgementPartners {

    static final String ERCOT = "ERCOT";

    @Inject
    EdiConfig config;

    @Inject
    TdspPartners tdspPartners;

    public String nameOf(String duns) {
        String previous = EdiFile.getEntityManager().createQuery("""
                select f.partner from EdiFile f, EdiInterchange i
                where i.fileId = f.id and i.direction = :direction and i.receiverId = :duns and f.partner is not null
                order by i.createdAt desc""", String.class)
                .setParameter("direction", Direction.OUTBOUND).setParameter("duns", duns).setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
        if (previous != null) {
            return previous;
        }
        return config.ercotDuns().equals(duns) ? ERCOT : tdspPartners.partnerFor(duns);
    }
}
