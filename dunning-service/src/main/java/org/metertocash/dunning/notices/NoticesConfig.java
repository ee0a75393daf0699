package org.metertocash.dunning.notices;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code dunning.notices.*}: where the print batches go, how soon a notice must be sent, when the print batch runs,
 * and what the printed notices say about us (how to pay, where to find energy assistance). Every key has a default.
 */
@ConfigMapping(prefix = "dunning.notices")
public interface NoticesConfig {

    /** The folder the print vendor takes batches from; each batch is a folder of its own in it. */
    @WithDefault(".local/notices/outbound")
    String outbound();

    /** A notice not sent this long after it was issued raises a NOTICE_NOT_SENT work item. */
    @WithDefault("PT24H")
    Duration sendWithin();

    /**
     * How often notices not sent in time are looked for (a scheduler period such as {@code 10m}); read by the
     * {@code @Scheduled} of {@link NoticeDeadlines}. Each print batch run looks too.
     */
    @WithDefault("10m")
    String notSentCheckEvery();

    PrintBatchSchedule printBatch();

    Letterhead letterhead();

    /** The daily print batch. */
    interface PrintBatchSchedule {

        /** When it runs (a Quartz-style cron read by the {@code @Scheduled}), in {@code platform.time-zone}. */
        @WithDefault("0 0 17 * * ?")
        String cron();

        /** Whether the scheduled run happens; when not set, it does everywhere but in tests. */
        Optional<Boolean> enabled();
    }

    /** Who we are and how to pay us, as printed on notices. */
    interface Letterhead {

        @WithDefault("Meter to Cash Energy")
        String companyName();

        @WithDefault("1-800-555-0100")
        String phone();

        @WithDefault("Monday to Friday, 8 a.m. to 6 p.m. Central")
        String hours();

        @WithDefault("https://pay.metertocash.example")
        String payOnline();

        @WithDefault("Meter to Cash Energy, P.O. Box 0000, Dallas, TX 75201")
        String payByMail();

        @WithDefault("at any authorized payment location listed at https://pay.metertocash.example/locations")
        String payInPerson();

        /** How to find energy assistance, printed after the statement that programs are available. */
        @WithDefault("To find a program near you, dial 2-1-1 (Texas Health and Human Services) or visit "
                + "www.tdhca.texas.gov (Texas Department of Housing and Community Affairs, Comprehensive Energy "
                + "Assistance Program).")
        String assistance();
    }
}
