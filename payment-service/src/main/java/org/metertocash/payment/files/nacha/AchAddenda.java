package org.metertocash.payment.files.nacha;

import java.time.LocalDate;

/** The addenda record of an ACH entry: a return (type 99), a notification of change (98) or other information. */
public sealed interface AchAddenda permits AchAddenda.Return, AchAddenda.NotificationOfChange, AchAddenda.Information {

    String typeCode();

    /**
     * The entry came back (addenda type 99).
     *
     * @param reasonCode          R01 … R85
     * @param originalTraceNumber the trace number of the entry we sent, by which it is found
     * @param dateOfDeath         for R14/R15, else {@code null}
     * @param originalReceivingDfi the 8-digit DFI identification of the original entry
     * @param information         the returning bank's free text
     */
    record Return(String reasonCode, String originalTraceNumber, LocalDate dateOfDeath, String originalReceivingDfi,
            String information) implements AchAddenda {

        @Override
        public String typeCode() {
            return "99";
        }

        public String reasonDescription() {
            return ReturnReason.describe(reasonCode);
        }
    }

    /**
     * The receiving bank asks for a correction (addenda type 98).
     *
     * @param changeCode          C01 … C13
     * @param originalTraceNumber the trace number of the entry we sent
     * @param originalReceivingDfi the 8-digit DFI identification of the original entry
     * @param correctedData       the right values, placed as the change code says
     */
    record NotificationOfChange(String changeCode, String originalTraceNumber, String originalReceivingDfi,
            CorrectedData correctedData) implements AchAddenda {

        @Override
        public String typeCode() {
            return "98";
        }

        public String changeDescription() {
            return ChangeCode.of(changeCode).map(ChangeCode::description).orElse("Change code " + changeCode);
        }
    }

    /** Any other addenda (05 payment-related information and the like), kept as written. */
    record Information(String typeCode, String text) implements AchAddenda {
    }
}
