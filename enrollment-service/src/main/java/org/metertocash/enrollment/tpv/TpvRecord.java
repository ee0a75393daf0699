package org.metertocash.enrollment.tpv;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A TPV as posted: on its own (POST /enrollments/{id}/tpv) or inside an enrollment request. */
public record TpvRecord(
        @NotBlank @Size(max = 100) String vendor,
        @NotBlank @Size(max = 100) String confirmationId,
        @NotNull LocalDate verifiedOn,
        @NotBlank @Size(max = 300) String recordingReference) {
}
