package org.metertocash.payment.accounts;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
@Tag(name = "accounts")
public class PayableAccountResource {

    public record AccountView(String accountNumber, String esiId, String customerName, BillingType billingType,
            Instant openedAt) {
    }

    @GET
    @Path("/{accountNumber}")
    @Operation(summary = "An account payments can be applied to")
    public AccountView get(@PathParam("accountNumber") String accountNumber) {
        PayableAccount account = PayableAccount.findById(accountNumber);
        if (account == null) {
            throw ProblemException.notFound("No account " + accountNumber);
        }
        return new AccountView(account.accountNumber, account.esiId, account.customerName, account.billingType,
                account.openedAt);
    }
}
