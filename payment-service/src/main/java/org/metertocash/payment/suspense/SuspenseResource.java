package org.metertocash.payment.suspense;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.platform.problem.QueryParameters;
import org.metertocash.payment.posting.Payment;
import org.metertocash.payment.posting.PaymentStatus;
import org.metertocash.payment.posting.PaymentView;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.idempotency.Idempotent;
import org.metertocash.platform.problem.FieldError;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;

/** The suspense queue for analysts: the unapplied payments, and applying or refunding one (with a note). */
@Path("/suspense")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "suspense")
public class SuspenseResource {

    private static final int MAX_NOTE = 2000;

    /** The queue: how many payments wait and how much money, and one page of them, oldest first. */
    public record SuspenseView(long count, BigDecimal amount, int page, int size, List<PaymentView> payments) {
    }

    /** Apply to this account, and why. */
    public record ApplyRequest(String accountNumber, String note) {
    }

    /** Refund, and why. */
    public record RefundRequest(String note) {
    }

    @Inject
    UnappliedCash unappliedCash;

    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Payments in suspense (UNAPPLIED), oldest first, with their count and total amount")
    public SuspenseView list(@QueryParam("page") @DefaultValue("0") String pageText,
            @QueryParam("size") @DefaultValue("100") String sizeText) {
        List<FieldError> errors = new ArrayList<>();
        QueryParameters.Page page = QueryParameters.page(pageText, sizeText, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Object[] totals = Payment.getEntityManager().createQuery(
                "select count(p), coalesce(sum(p.amount), 0) from Payment p where p.status = ?1", Object[].class)
                .setParameter(1, PaymentStatus.UNAPPLIED).getSingleResult();
        List<PaymentView> payments = Payment.<Payment> find("status", Sort.by("recordedAt").and("id"),
                PaymentStatus.UNAPPLIED).page(Page.of(page.index(), page.size())).list().stream()
                .map(PaymentView::summary).toList();
        return new SuspenseView((Long) totals[0], ((BigDecimal) totals[1]).setScale(2), page.index(), page.size(),
                payments);
    }

    @POST
    @Path("/{paymentId}/apply")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
    @Idempotent
    @Operation(summary = "Apply an unapplied payment to an account, with a note: posted and announced (PaymentPosted); asking again for the same account changes nothing")
    public Response apply(@PathParam("paymentId") UUID paymentId, ApplyRequest body,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        List<FieldError> errors = new ArrayList<>();
        String accountNumber = body == null || body.accountNumber() == null ? null : body.accountNumber().trim();
        if (accountNumber == null || accountNumber.isEmpty()) {
            errors.add(new FieldError("accountNumber", "is required: the account the money belongs to"));
        }
        String note = note(body == null ? null : body.note(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Payment payment = unappliedCash.apply(paymentId, accountNumber, actor(), note,
                Cause.correlatedWith(correlationId));
        return Response.ok(view(payment.id)).build();
    }

    @POST
    @Path("/{paymentId}/refund")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
    @Idempotent
    @Operation(summary = "Refund an unapplied payment to the payer, with a note: REFUNDED, never announced to billing; asking again changes nothing")
    public Response refund(@PathParam("paymentId") UUID paymentId, RefundRequest body,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        List<FieldError> errors = new ArrayList<>();
        String note = note(body == null ? null : body.note(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Payment payment = unappliedCash.refund(paymentId, actor(), note);
        return Response.ok(view(payment.id)).build();
    }

    @Transactional
    PaymentView view(UUID paymentId) {
        return PaymentView.detail(Payment.findById(paymentId));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static String note(String note, List<FieldError> errors) {
        if (note == null || note.isBlank()) {
            errors.add(new FieldError("note", "is required: say why"));
            return null;
        }
        if (note.length() > MAX_NOTE) {
            errors.add(new FieldError("note", "must be at most " + MAX_NOTE + " characters"));
            return null;
        }
        return note.trim();
    }
}
