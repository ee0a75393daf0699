package org.metertocash.billing.collections;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.billing.account.BillingAccount;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

/**
 * The history of a premise's billing-type changes for operations: each move of one of its accounts from pre-pay to
 * post-pay (16 TAC §25.498) with the products before and after, the first post-pay day, what was prepaid then, and
 * who, why and when.
 */
@Path("/billing-accounts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
@Tag(name = "billing accounts")
public class BillingTypeChangeResource {

    /** One change, as recorded. */
    public record ChangeView(UUID id, String accountNumber, String esiId, BillingType fromBillingType,
            BillingType toBillingType, String fromProduct, String toProduct, LocalDate postpaidFrom,
            BigDecimal prepaidBalance, String designation, LocalDate requestedOn, String reason, String actor,
            String source, String sourceId, UUID correlationId, Instant changedAt) {

        static ChangeView of(BillingTypeChange c) {
            return new ChangeView(c.id, c.accountNumber, c.esiId, c.fromBillingType, c.toBillingType, c.fromProduct,
                    c.toProduct, c.postpaidFrom, c.prepaidBalance, c.designation, c.requestedOn, c.reason, c.actor,
                    c.source, c.sourceId, c.correlationId, c.changedAt);
        }
    }

    @GET
    @Path("/{esiId}/billing-type-changes")
    @Transactional
    @Operation(summary = "The billing-type changes of the premise's accounts, newest first (pre-pay customers moved to "
            + "postpaid under 16 TAC §25.498)")
    public List<ChangeView> changes(@PathParam("esiId") String esiId) {
        if (BillingAccount.count("esiId", esiId) == 0) {
            throw ProblemException.notFound("No billing account for ESI ID " + esiId);
        }
        return BillingTypeChange.ofPremise(esiId).stream().map(ChangeView::of).toList();
    }
}
