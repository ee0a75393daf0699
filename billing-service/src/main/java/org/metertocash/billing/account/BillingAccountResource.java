package org.metertocash.billing.account;

import static org.metertocash.platform.problem.QueryParameters.number;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.billing.bill.Bill;
import org.metertocash.billing.ledger.Ledger;
import org.metertocash.billing.ledger.Posting;
import org.metertocash.billing.ledger.PostingKind;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.contracts.common.Customer;
import org.metertocash.contracts.common.ServiceAddress;
import org.metertocash.platform.problem.FieldError;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Billing accounts: one premise's account with what it owes, its bills and its ledger, and lists of accounts. The
 * bills and ledger postings are shown to operations and admin, who may read them in full on {@code /bills} and
 * {@code /billing-accounts/{esiId}/ledger}; an upstream system sees the account and its balance.
 */
@Path("/billing-accounts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.UPSTREAM, Roles.OPERATIONS, Roles.ADMIN })
@Tag(name = "billing accounts")
public class BillingAccountResource {

    /**
     * An account; {@code balance} is what the customer owes (the sum of the receivables ledger, negative when in
     * credit); {@code ledger} is where operations read all its postings. One account read by operations also shows
     * {@code bills} (its latest, newest period first; {@code billCount} of them in all, every one page by page at
     * {@code billsLink}) and {@code ledgerPostings} (its latest postings, {@code ledgerPostingCount} in all).
     */
    public record AccountView(String accountNumber, String esiId, UUID enrollmentId, BillingAccount.Status status,
            Customer customer, ServiceAddress serviceAddress, String productCode, BillingType billingType, String tdsp,
            int billCycle, LocalDate startDate, Instant openedAt, BigDecimal balance, String ledger,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long billCount,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<AccountBill> bills,
            @JsonInclude(JsonInclude.Include.NON_NULL) String billsLink,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long ledgerPostingCount,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<LedgerLine> ledgerPostings) {
    }

    /** One of the account's bills: its period, amount due, dates and status; {@code link} has its lines. */
    public record AccountBill(UUID id, LocalDate periodStart, LocalDate periodEnd, BigDecimal totalKwh,
            BigDecimal amountDue, LocalDate issueDate, LocalDate dueDate, Bill.Status status, UUID rebillOf,
            String link) {

        static AccountBill of(Bill b) {
            return new AccountBill(b.id, b.periodStart, b.periodEnd, b.totalKwh, b.amountDue, b.issueDate, b.dueDate,
                    b.status, b.rebillOf, "/bills/" + b.id);
        }
    }

    /** One ledger posting in short: {@code balanceChange} is what it did to what the customer owes. */
    public record LedgerLine(UUID id, PostingKind kind, String reference, String description, BigDecimal amount,
            BigDecimal balanceChange, LocalDate effectiveDate, Instant postedAt) {

        static LedgerLine of(Posting p) {
            return new LedgerLine(p.id(), p.kind(), p.reference(), p.description(), p.amount(), p.balanceChange(),
                    p.effectiveDate(), p.postedAt());
        }
    }

    private static final int MAX_SHOWN = 100;

    @Inject
    Clock clock;

    @Inject
    Ledger ledger;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/{esiId}")
    @Operation(summary = "The premise's billing account (the latest, if the premise was enrolled more than once): "
            + "balance and, for operations, its latest bills and ledger postings")
    public AccountView get(@PathParam("esiId") String esiId,
            @Parameter(description = "How many of the latest bills to show, 0 to 100") @QueryParam("bills") @DefaultValue("12") String billsText,
            @Parameter(description = "How many of the latest ledger postings to show, 0 to 100") @QueryParam("postings") @DefaultValue("10") String postingsText) {
        List<FieldError> errors = new ArrayList<>();
        int bills = number("bills", billsText, 0, MAX_SHOWN, errors);
        int postings = number("postings", postingsText, 0, MAX_SHOWN, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        BillingAccount account = latest(esiId);
        AccountView view = view(account, ledger.balance(account.accountNumber));
        if (!identity.hasRole(Roles.OPERATIONS) && !identity.hasRole(Roles.ADMIN)) {
            return view;
        }
        PanacheQuery<Bill> billQuery = billsOf(account.accountNumber);
        List<AccountBill> latestBills = bills == 0 ? List.of()
                : billQuery.page(Page.ofSize(bills)).list().stream().map(AccountBill::of).toList();
        Ledger.PostingPage page = ledger.postings(account.accountNumber, 0, Math.max(postings, 1));
        List<LedgerLine> latestPostings = postings == 0 ? List.of()
                : page.postings().stream().map(LedgerLine::of).toList();
        return new AccountView(view.accountNumber(), view.esiId(), view.enrollmentId(), view.status(),
                view.customer(), view.serviceAddress(), view.productCode(), view.billingType(), view.tdsp(),
                view.billCycle(), view.startDate(), view.openedAt(), view.balance(), view.ledger(), billQuery.count(),
                latestBills, billsLink(account, 0, 50), page.total(), latestPostings);
    }

    @GET
    @Path("/{esiId}/bills")
    @RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
    @Operation(summary = "The account's bills, newest period first; one page as a JSON array, the total in X-Total-Count")
    public Response bills(@PathParam("esiId") String esiId,
            @Parameter(description = "One of the premise's billing accounts (default: the latest)") @QueryParam("accountNumber") String accountNumber,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") String pageText,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("size") @DefaultValue("50") String sizeText) {
        List<FieldError> errors = new ArrayList<>();
        int page = number("page", pageText, 0, Integer.MAX_VALUE, errors);
        int size = number("size", sizeText, 1, 500, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        BillingAccount account;
        if (accountNumber != null && !accountNumber.isBlank()) {
            account = BillingAccount.findById(accountNumber.trim());
            if (account == null || !account.esiId.equals(esiId)) {
                throw ProblemException.notFound("No billing account " + accountNumber + " for ESI ID " + esiId);
            }
        } else {
            account = latest(esiId);
        }
        PanacheQuery<Bill> query = billsOf(account.accountNumber);
        long total = query.count();
        List<AccountBill> found = query.page(Page.of(page, size)).list().stream().map(AccountBill::of).toList();
        Response.ResponseBuilder response = Response.ok(found).header("X-Total-Count", total).header("X-Page", page)
                .header("X-Page-Size", size).header("X-Account-Number", account.accountNumber);
        if ((long) (page + 1) * size < total) {
            response.link(billsLink(account, page + 1, size), "next");
        }
        return response.build();
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
                "/billing-accounts/" + a.esiId + "/ledger?accountNumber=" + a.accountNumber, null, null, null, null,
                null);
    }

    private static BillingAccount latest(String esiId) {
        BillingAccount account = BillingAccount.<BillingAccount> find("esiId", Sort.descending("openedAt"), esiId)
                .firstResult();
        if (account == null) {
            throw ProblemException.notFound("No billing account for ESI ID " + esiId);
        }
        return account;
    }

    /** The account's bills, newest period first (a rebill before the bill it replaced). */
    private static PanacheQuery<Bill> billsOf(String accountNumber) {
        return Bill.find("accountNumber", Sort.descending("periodStart").and("draftedAt", Sort.Direction.Descending)
                .and("id"), accountNumber);
    }

    private static String billsLink(BillingAccount account, int page, int size) {
        return "/billing-accounts/" + account.esiId + "/bills?accountNumber=" + account.accountNumber + "&page=" + page
                + "&size=" + size;
    }
}
