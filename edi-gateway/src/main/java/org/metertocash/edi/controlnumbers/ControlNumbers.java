package org.metertocash.edi.controlnumbers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Interchange (ISA13) and group (GS06) control numbers per trading partner. The counter row is updated in the
 * caller's transaction, which also stores the file: a rollback gives the number back (no gap), the row lock
 * serialises concurrent senders (no reuse).
 */
@ApplicationScoped
public class ControlNumbers {

    public record Allocated(long interchange, long group) {

        /** ISA13: nine digits, zero-padded. */
        public String isa13() {
            return String.format("%09d", interchange);
        }

        public String gs06() {
            return Long.toString(group);
        }
    }

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public Allocated next(String partner) {
        em.createNativeQuery("""
                insert into edi_control_number (partner, last_interchange, last_group) values (?1, 0, 0)
                on conflict do nothing""").setParameter(1, partner).executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("""
                update edi_control_number set last_interchange = last_interchange + 1, last_group = last_group + 1
                where partner = ?1 returning last_interchange, last_group""").setParameter(1, partner)
                .getSingleResult();
        long interchange = ((Number) row[0]).longValue();
        if (interchange > 999_999_999L) {
            throw new IllegalStateException("ISA13 for " + partner + " would exceed nine digits");
        }
        return new Allocated(interchange, ((Number) row[1]).longValue());
    }
}
