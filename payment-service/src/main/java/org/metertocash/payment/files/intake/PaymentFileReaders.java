package org.metertocash.payment.files.intake;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.metertocash.payment.files.FileLine;
import org.metertocash.payment.files.ParsedPaymentFile;
import org.metertocash.payment.files.PaymentFileFormat;
import org.metertocash.payment.files.bai2.Bai2LockboxReader;
import org.metertocash.payment.files.csv.CsvPaymentFileReader;
import org.metertocash.payment.files.nacha.NachaReader;
import org.metertocash.payment.posting.PaymentConfig;

/**
 * The reader for each format, set up with the service's clock (CSV received-at values without an offset are read in
 * the market's zone; one later than now plus {@code payment.received-at-future-tolerance} is refused) and zone (BAI2
 * as-of dates). Reading is pure: the same bytes always give the same lines, which is what lets a restart re-read a
 * stored file and resume posting it.
 */
@ApplicationScoped
public class PaymentFileReaders {

    @Inject
    Clock clock;

    @Inject
    PaymentConfig payments;

    public ParsedPaymentFile<? extends FileLine> read(PaymentFileFormat format, byte[] content) {
        return switch (format) {
            case CSV -> new CsvPaymentFileReader(clock, payments.receivedAtFutureTolerance()).read(content);
            case BAI2 -> new Bai2LockboxReader(clock.getZone()).read(content);
            case NACHA -> new NachaReader().read(content);
        };
    }
}
