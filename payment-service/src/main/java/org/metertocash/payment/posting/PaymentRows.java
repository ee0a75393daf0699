package org.metertocash.payment.posting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * The {@code payment} rows of {@link PaymentPosting}, written and looked up with plain JDBC on the transaction's own
 * connection: new payments go in with one batch (the driver sends it as multi-row inserts,
 * {@code reWriteBatchedInserts}), in the order given, and no entity of them is kept in the persistence context — a
 * payment file's chunk of hundreds of payments costs neither a managed entity each nor a dirty check of each at the
 * flush. The keys already taken are found with one statement ({@code = any(array)}) whatever their number; only the
 * payments behind them (rare: a repeat) are loaded as entities.
 */
@ApplicationScoped
public class PaymentRows {

    private static final String INSERT = """
            insert into payment (id, idempotency_key, source, source_file_id, source_line, account_number, esi_id, amount,
                currency, channel, external_reference, instrument_type, instrument_last4, received_at, received_on,
                recorded_at, submitted_by, status, status_changed_at, applied_account_number, applied_esi_id, posted_at,
                unapplied_reason, unapplied_detail)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    @Inject
    EntityManager em;

    /** The payments already posted under the instructions' idempotency keys, by key. */
    Map<String, Payment> existing(List<PaymentInstruction> instructions) {
        Set<String> keys = new LinkedHashSet<>();
        instructions.forEach(instruction -> keys.add(instruction.idempotencyKey()));
        List<String> taken = new ArrayList<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select idempotency_key from payment where idempotency_key = any(?)")) {
                select.setArray(1, connection.createArrayOf("varchar", keys.toArray(String[]::new)));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        taken.add(rs.getString(1));
                    }
                }
            }
        });
        Map<String, Payment> byKey = new HashMap<>();
        if (!taken.isEmpty()) {
            Payment.<Payment> list("idempotencyKey in ?1", taken).forEach(p -> byKey.put(p.idempotencyKey, p));
        }
        return byKey;
    }

    /** Inserts new payments, in the order given, in the caller's transaction. */
    void insert(List<Payment> payments) {
        if (payments.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> insert(connection, payments));
    }

    private static void insert(Connection connection, List<Payment> payments) throws java.sql.SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Payment p : payments) {
                insert.setObject(1, p.id);
                insert.setString(2, p.idempotencyKey);
                insert.setString(3, p.source.name());
                insert.setObject(4, p.sourceFileId, Types.OTHER);
                if (p.sourceLine == null) {
                    insert.setNull(5, Types.INTEGER);
                } else {
                    insert.setInt(5, p.sourceLine);
                }
                insert.setString(6, p.accountNumber);
                insert.setString(7, p.esiId);
                insert.setBigDecimal(8, p.amount);
                insert.setString(9, p.currency);
                insert.setString(10, p.channel.name());
                insert.setString(11, p.externalReference);
                insert.setString(12, p.instrumentType == null ? null : p.instrumentType.name());
                insert.setString(13, p.instrumentLast4);
                insert.setObject(14, at(p.receivedAt), Types.TIMESTAMP_WITH_TIMEZONE);
                insert.setObject(15, p.receivedOn);
                insert.setObject(16, at(p.recordedAt), Types.TIMESTAMP_WITH_TIMEZONE);
                insert.setString(17, p.submittedBy);
                insert.setString(18, p.status.name());
                insert.setObject(19, at(p.statusChangedAt), Types.TIMESTAMP_WITH_TIMEZONE);
                insert.setString(20, p.appliedAccountNumber);
                insert.setString(21, p.appliedEsiId);
                insert.setObject(22, at(p.postedAt), Types.TIMESTAMP_WITH_TIMEZONE);
                insert.setString(23, p.unappliedReason == null ? null : p.unappliedReason.name());
                insert.setString(24, p.unappliedDetail);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
