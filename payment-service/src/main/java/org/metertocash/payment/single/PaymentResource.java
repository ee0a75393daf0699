package org.metertocash.payment.single;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.platform.problem.QueryParameters;
import org.metertocash.payment.posting.Payment;
import org.metertocash.payment.posting.PaymentInstruction;
import org.metertocash.payment.posting.PaymentPosting;
import org.metertocash.payment.posting.PaymentStatus;
import org.metertocash.payment.posting.PaymentView;
import org.metertocash.platform.events.Cause;
import org.metertocash.platform.idempotency.IdempotencyInterceptor;
import org.metertocash.platform.idempotency.Idempotent;
import org.metertocash.platform.problem.FieldError;
import org.metertocash.platform.problem.Problem;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Single payments: upstream systems post them (once per Idempotency-Key); anyone may look payments of every
 * channel up. A refused request is answered with problem+json naming each bad field, and kept (see
 * {@link PaymentRequestRejections}).
 */
@Path("/payments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "payments")
public class PaymentResource {

    @Inject
    PaymentRequestReader reader;

    @Inject
    PaymentRequestRejections rejections;

    @Inject
    PaymentPosting posting;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.UPSTREAM, Roles.ADMIN })
    // the key is checked here rather than by the interceptor, so that a request without one is kept like any refusal
    @Idempotent(required = false)
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PaymentRequest.class)))
    @Operation(summary = "Take a payment: 201 with the payment, POSTED (announced to billing) or UNAPPLIED (no payable account matches: in suspense); the same Idempotency-Key returns the first answer")
    public Response post(String body,
            @Parameter(description = "Required: repeat a request with the same key to get the first answer back")
            @HeaderParam(IdempotencyInterceptor.HEADER) String idempotencyKey,
            @HeaderParam("X-Correlation-Id") String correlationId) {
        String caller = identity.getPrincipal().getName();
        PaymentRequestReader.Reading reading = reader.read(body);
        List<FieldError> errors = new ArrayList<>(reading.errors());
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            errors.add(0, new FieldError(IdempotencyInterceptor.HEADER, "header is required on this operation"));
        }
        if (!errors.isEmpty()) {
            UUID kept = rejections.keep(body, errors, caller, idempotencyKey, correlationId);
            throw new ProblemException(Problem.validation(errors.size() + " field(s) are not valid; the request is "
                    + "kept as rejected payment request " + kept, errors));
        }
        PaymentRequest request = reading.request();
        PaymentPosting.Result result = posting.post(PaymentInstruction.api(caller, idempotencyKey.trim(),
                request.accountNumber(), request.esiId(), request.amount(), request.currency(), request.channel(),
                request.externalReference(), request.receivedAt(), request.instrument()),
                Cause.correlatedWith(correlationId));
        if (result.outcome() == PaymentPosting.Outcome.KEY_CONFLICT) {
            throw ProblemException.conflict("idempotency-key-reused", "Idempotency-Key '" + idempotencyKey
                    + "' was already used for payment " + result.payment().id + " with other details");
        }
        int status = result.outcome() == PaymentPosting.Outcome.REPEATED ? 200 : 201;
        return Response.status(status).location(URI.create("/payments/" + result.payment().id))
                .entity(PaymentView.summary(result.payment())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.UPSTREAM, Roles.OPERATIONS, Roles.ADMIN })
    @Transactional
    @Operation(summary = "One payment: what the payer named, where it went, its source and the analysts' actions on it")
    public PaymentView get(@PathParam("id") String idText) {
        UUID id;
        try {
            id = UUID.fromString(idText);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No payment " + idText);
        }
        Payment payment = Payment.findById(id);
        if (payment == null) {
            throw ProblemException.notFound("No payment " + id);
        }
        return PaymentView.detail(payment);
    }

    @GET
    @RolesAllowed({ Roles.UPSTREAM, Roles.OPERATIONS, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Payments, latest received first; an account number or ESI ID matches what the payer named or where the money went; a JSON array of one page, the total in X-Total-Count")
    public Response list(@QueryParam("accountNumber") String accountNumber, @QueryParam("esiId") String esiId,
            @Parameter(description = "One or more statuses") @QueryParam("status") List<String> statusNames,
            @Parameter(description = "Received on or after this business date (YYYY-MM-DD)") @QueryParam("from") String fromText,
            @Parameter(description = "Received on or before this business date") @QueryParam("to") String toText,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") String pageText,
            @Parameter(description = "Page size, 1 to 1000") @QueryParam("size") @DefaultValue("100") String sizeText) {
        List<FieldError> errors = new ArrayList<>();
        List<PaymentStatus> statuses = new ArrayList<>();
        for (String name : statusNames == null ? List.<String> of() : statusNames) {
            try {
                statuses.add(PaymentStatus.valueOf(name.trim()));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "must be one of " + Arrays.toString(PaymentStatus.values())));
            }
        }
        LocalDate from = QueryParameters.date("from", fromText, errors);
        LocalDate to = QueryParameters.date("to", toText, errors);
        QueryParameters.Page page = QueryParameters.page(pageText, sizeText, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (accountNumber != null && !accountNumber.isBlank()) {
            query.append(" and (accountNumber = :accountNumber or appliedAccountNumber = :accountNumber)");
            params.put("accountNumber", accountNumber.trim());
        }
        if (esiId != null && !esiId.isBlank()) {
            query.append(" and (esiId = :esiId or appliedEsiId = :esiId)");
            params.put("esiId", esiId.trim());
        }
        if (!statuses.isEmpty()) {
            query.append(" and status in :statuses");
            params.put("statuses", statuses);
        }
        if (from != null) {
            query.append(" and receivedOn >= :from");
            params.put("from", from);
        }
        if (to != null) {
            query.append(" and receivedOn <= :to");
            params.put("to", to);
        }
        PanacheQuery<Payment> found = Payment.find(query.toString(),
                Sort.descending("receivedAt").and("id", Sort.Direction.Descending), params);
        long total = found.count();
        List<PaymentView> views = found.page(Page.of(page.index(), page.size())).list().stream()
                .map(PaymentView::summary).toList();
        return Response.ok(views).header("X-Total-Count", total).header("X-Page", page.index())
                .header("X-Page-Size", page.size()).build();
    }
}
