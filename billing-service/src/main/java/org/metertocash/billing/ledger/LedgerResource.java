package org.metertocash.billing.ledger;

import static org.metertocash.platform.problem.QueryParameters.number;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.billing.account.BillingAccount;
import org.metertocash.platform.idempotency.Idempotent;
import org.metertocash.platform.problem.FieldError;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The receivables ledger of a premise's billing account, for operations: its postings with their entries, newest
 * first, and manual adjustments. An adjustment needs a note and an Idempotency-Key; the posting itself records
 * who made it, when and why.
 */
@Path("/billing-accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ledger")
public class LedgerResource {

    public static final String TOTAL_COUNT = "X-Total-Count";
    private static final int MAX_NOTE = 2000;

    public record EntryView(LedgerAccount account, BigDecimal debit, BigDecimal credit) {
    }

    /** A posting; {@code balanceChange} is what it did to the balance, {@code reversedBy} the posting undoing it. */
    public record PostingView(UUID id, String accountNumber, String esiId, PostingKind kind, BigDecimal amount,
            BigDecimal balanceChange, String reference, String description, UUID reverses, UUID reversedBy,
            String reasonCode, String actor, String note, String source, String sourceId, UUID correlationId,
            LocalDate effectiveDate, Instant postedAt, List<EntryView> entries) {

        static PostingView of(Posting p, UUID reversedBy) {
            return new PostingView(p.id(), p.accountNumber(), p.esiId(), p.kind(), p.amount(), p.balanceChange(),
                    p.reference(), p.description(), p.reverses(), reversedBy, p.reasonCode(), p.actor(), p.note(),
                    p.source(), p.sourceId(), p.correlationId(), p.effectiveDate(), p.postedAt(),
                    p.entries().stream().map(e -> new EntryView(e.account(), e.debit(), e.credit())).toList());
        }
    }

    /**
     * A manual adjustment: {@code amount} is the change to what the customer owes (negative credits the customer,
     * positive debits); {@code note} says why; {@code accountNumber} picks one of the premise's accounts (default:
     * the latest).
     */
    public record AdjustmentRequest(BigDecimal amount, String note, String accountNumber) {
    }

    @Inject
    Ledger ledger;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/{esiId}/ledger")
    @RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
    @Operation(summary = "The account's ledger postings with their entries, newest first; one page as a JSON array, the total in X-Total-Count")
    public Response ledger(@PathParam("esiId") String esiId,
            @Parameter(description = "One of the premise's billing accounts (default: the latest)") @QueryParam("accountNumber") String accountNumber,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") String pageText,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("size") @DefaultValue("50") String sizeText) {
        List<FieldError> errors = new ArrayList<>();
        int page = number("page", pageText, 0, Integer.MAX_VALUE, errors);
        int size = number("size", sizeText, 1, 500, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        BillingAccount account = account(esiId, accountNumber);
        Ledger.PostingPage found = ledger.postings(account.accountNumber, page, size);
        Map<UUID, UUID> reversals = ledger.reversalsOf(found.postings().stream().map(Posting::id).toList());
        List<PostingView> views = found.postings().stream().map(p -> PostingView.of(p, reversals.get(p.id())))
                .toList();
        return Response.ok(views)
                .header(TOTAL_COUNT, found.total())
                .header("X-Page", page)
                .header("X-Page-Size", size)
                .header("X-Account-Number", account.accountNumber)
                .build();
    }

    @GET
    @Path("/{esiId}/ledger/{postingId}")
    @RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
    @Operation(summary = "One ledger posting with its entries")
    public PostingView posting(@PathParam("esiId") String esiId, @PathParam("postingId") UUID postingId) {
        Posting posting = ledger.posting(postingId).filter(p -> p.esiId().equals(esiId))
                .orElseThrow(() -> ProblemException.notFound("No ledger posting " + postingId + " for ESI ID " + esiId));
        return PostingView.of(posting, ledger.reversalsOf(List.of(postingId)).get(postingId));
    }

    @POST
    @Path("/{esiId}/adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
    @Idempotent
    @Operation(summary = "Post a manual adjustment with a note (201 with the posting); negative amounts credit the customer, positive debit")
    public Response adjust(@PathParam("esiId") String esiId, AdjustmentRequest request,
            @Parameter(description = "Repeat a request with the same key to get the first answer back")
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw ProblemException.invalid("body", "is required");
        }
        if (request.amount() == null) {
            errors.add(new FieldError("amount", "is required"));
        } else if (request.amount().signum() == 0) {
            errors.add(new FieldError("amount", "must not be zero"));
        } else if (request.amount().stripTrailingZeros().scale() > 2) {
            errors.add(new FieldError("amount", "must be in whole cents"));
        }
        if (request.note() == null || request.note().isBlank()) {
            errors.add(new FieldError("note", "is required: say why the balance is adjusted"));
        } else if (request.note().length() > MAX_NOTE) {
            errors.add(new FieldError("note", "must be at most " + MAX_NOTE + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        BillingAccount account = account(esiId, request.accountNumber());
        String actor = identity.getPrincipal().getName();
        Posting posting = ledger.adjust(account.accountNumber, request.amount(), "manual:" + idempotencyKey,
                request.note().trim(),
                Origin.user(actor, "POST /billing-accounts/{esiId}/adjustments", idempotencyKey));
        return Response.created(URI.create("/billing-accounts/" + esiId + "/ledger/" + posting.id()))
                .entity(PostingView.of(posting, null)).build();
    }

    private static BillingAccount account(String esiId, String accountNumber) {
        if (accountNumber != null && !accountNumber.isBlank()) {
            BillingAccount account = BillingAccount.findById(accountNumber.trim());
            if (account == null || !account.esiId.equals(esiId)) {
                throw ProblemException.notFound("No billing account " + accountNumber + " for ESI ID " + esiId);
            }
            return account;
        }
        BillingAccount account = BillingAccount.<BillingAccount> find("esiId", Sort.descending("openedAt"), esiId)
                .firstResult();
        if (account == null) {
            throw ProblemException.notFound("No billing account for ESI ID " + esiId);
        }
        return account;
    }
}
