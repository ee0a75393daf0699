package org.metertocash.billing.account;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.billing.ledger.Ledger;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.contracts.common.Customer;
import org.metertocash.contracts.common.ServiceAddress;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@Path("/billing-accounts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.UPSTREAM, Roles.OPERATIONS, Roles.ADMIN })
@Tag(name = "billing accounts")
public class BillingAccountResource {

    /**
     * An account; {@code balance} is what the customer owes (the sum of the receivables ledger, negative when in
     * credit); {@code ledger} is where operations read its postings.
     */
    public record AccountView(String accountNumber, String esiId, UUID enrollmentId, BillingAccount.Status status,
            Customer customer, ServiceAddress serviceAddress, String productCode, BillingType billingType, String tdsp,
            int billCycle, LocalDate startDate, Instant openedAt, BigDecimal balance, String ledger) {
    }

    @Inject
    Clock clock;

    @Inject
    Ledger ledger;

    @GET
    @Path("/{esiId}")
    @Operation(summary = "The premise's billing account (the latest, if the premise was enrolled more than once)")
    public AccountView get(@PathParam("esiId") String esiId) {
        BillingAccount account = BillingAccount.<BillingAccount> find("esiId", Sort.descending("openedAt"), esiId)
                .firstResult();
        if (account == null) {
            throw ProblemException.notFound("No billing account for ESI ID " + esiId);
        }
        return view(account, ledger.balance(account.accountNumber));
    }

    @GET
    @Operation(summary = "Billing accounts, newest first, by bill cycle, status and billing type")
    public List<AccountView> list(@QueryParam("cycle") Integer cycle, @QueryParam("status") BillingAccount.Status status,
            @QueryParam("billingType") BillingType billingType,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (cycle != null) {
            query.append(" and billCycle = :cycle");
            params.put("cycle", cycle);
        }
        if (billingType != null) {
            query.append(" and billingType = :billingType");
            params.put("billingType", billingType);
        }
        if (status != null) {
            query.append(status == BillingAccount.Status.ACTIVE ? " and startDate <= :today" : " and startDate > :today");
            params.put("today", LocalDate.now(clock));
        }
        List<BillingAccount> accounts = BillingAccount.<BillingAccount> find(query.toString(),
                Sort.descending("openedAt"), params).page(Page.ofSize(limit)).list();
        Map<String, BigDecimal> balances = ledger.balances(accounts.stream().map(a -> a.accountNumber).toList());
        return accounts.stream().map(a -> view(a, balances.get(a.accountNumber))).toList();
    }

    private AccountView view(BillingAccount a, BigDecimal balance) {
        return new AccountView(a.accountNumber, a.esiId, a.enrollmentId, a.status(clock),
                new Customer(a.customerName, a.customerEmail, a.customerPhone),
                new ServiceAddress(a.addressLine1, a.addressLine2, a.city, a.stateCode, a.zip, a.county),
                a.productCode, a.billingType, a.tdsp, a.billCycle, a.startDate, a.openedAt, balance,
                "/billing-accounts/" + a.esiId + "/ledger?accountNumber=" + a.accountNumber);
    }
}
