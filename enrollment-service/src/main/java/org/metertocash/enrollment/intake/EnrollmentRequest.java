package org.metertocash.enrollment.intake;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.metertocash.contracts.common.BillingType;
import org.metertocash.contracts.common.RequestType;
import org.metertocash.enrollment.tpv.TpvRecord;

/**
 * What an upstream system posts to enroll a customer at a premise. {@code tpv} is optional: the third-party
 * verification, when the sale was verified before posting (products that require one wait for it otherwise).
 */
public record EnrollmentRequest(
        @NotNull @Valid Customer customer,
        @NotNull @Valid ServiceAddress serviceAddress,
        String esiId,
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{1,39}", message = "must be 2-40 upper-case letters, digits, - or _") String productCode,
        @NotNull BillingType billingType,
        @NotNull RequestType requestType,
        @NotNull LocalDate requestedStartDate,
        @Valid TpvRecord tpv) {

    public record Customer(
            @NotBlank @Size(max = 100) String name,
            @Email @Size(max = 254) String email,
            @Pattern(regexp = "\\+?1?[2-9]\\d{9}", message = "must be a 10-digit North American number") String phone) {
    }

    public record ServiceAddress(
            @NotBlank @Size(max = 100) String line1,
            @Size(max = 100) String line2,
            @NotBlank @Size(max = 60) String city,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be a two-letter state code") String state,
            @NotBlank @Pattern(regexp = "\\d{5}(-\\d{4})?", message = "must be a ZIP code (12345 or 12345-6789)") String zip,
            @NotBlank @Size(max = 60) String county) {
    }
}
