package org.metertocash.billing.bill;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
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
import org.metertocash.platform.idempotency.Idempotent;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Bills for operations: one bill with its lines, validation results and audit trail; a premise's bills; and the
 * review actions on a bill — approve (post), hold, cancel — each with a note and an Idempotency-Key.
 */
@Path("/bills")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "bills")
public class BillResource {

    private static final int MAX_NOTE = 2000;

    /** The reviewer's reason for an action. */
    public record ReviewNote(String note) {
    }

    @Inject
    BillReview review;

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
    @Transactional
    @Operation(summary = "A bill: totals, status, issue and due dates, lines, validation results, audit trail")
    public BillView bill(@PathParam("id") UUID id) {
        Bill bill = Bill.findById(id);
        if (bill == null) {
            throw ProblemException.notFound("No bill " + id);
        }
        return BillView.of(bill);
    }

    @GET
    @RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
    @Transactional
    @Operation(summary = "A premise's bills, latest period first (esiId is required)")
    public List<BillView> bills(@QueryParam("esiId") String esiId) {
        if (esiId == null || esiId.isBlank()) {
            throw ProblemException.invalid("esiId", "is required");
        }
        return Bill.<Bill> list("esiId", Sort.descending("periodStart").and("draftedAt", Sort.Direction.Descending),
                esiId.trim()).stream().map(BillView::summary).toList();
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
    @Idempotent
    @Operation(summary = "Approve a held bill with a note: it is posted (ledger charge, BillPosted)")
    public Response approve(@PathParam("id") UUID id, ReviewNote body,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return Response.ok(view(review.approve(id, actor(), note(body), idempotencyKey))).build();
    }

    @POST
    @Path("/{id}/hold")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
    @Idempotent
    @Operation(summary = "Hold an unposted bill with a note: it waits for review and does not post")
    public Response hold(@PathParam("id") UUID id, ReviewNote body,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return Response.ok(view(review.hold(id, actor(), note(body)))).build();
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
    @Idempotent
    @Operation(summary = "Cancel a bill with a note: an unposted bill is dropped; a posted one is reversed in the ledger (BillCancelled)")
    public Response cancel(@PathParam("id") UUID id, ReviewNote body,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        return Response.ok(view(review.cancel(id, actor(), note(body), idempotencyKey))).build();
    }

    @Transactional
    BillView view(Bill bill) {
        return BillView.of(Bill.findById(bill.id));
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static String note(ReviewNote body) {
        if (body == null || body.note() == null || body.note().isBlank()) {
            throw ProblemException.invalid("note", "is required: say why");
        }
        if (body.note().length() > MAX_NOTE) {
            throw ProblemException.invalid("note", "must be at most " + MAX_NOTE + " characters");
        }
        return body.note().trim();
    }
}
