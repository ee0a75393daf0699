package org.metertocash.payment.autopay;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.platform.idempotency.Idempotent;
import org.metertocash.platform.problem.FieldError;
import org.metertocash.platform.problem.Problem;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Auto-draft enrolment: upstream systems enrol an account's bank account (once per Idempotency-Key), look the mandate
 * up and cancel it. The bank account number goes in once and never comes out: answers show its last four only.
 */
@Path("/autopay")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "autopay")
public class AutopayResource {

    /** The documented body, for the API description (the body is read field by field by {@link MandateRequestReader}). */
    @Schema(name = "AutopayEnrolment")
    public record Enrolment(
            @Schema(description = "Billing account number (10 digits)", required = true) String accountNumber,
            @Schema(description = "ABA routing number, check digit verified", required = true) String routingNumber,
            @Schema(description = "Bank (DFI) account number, 4-17 characters; stored encrypted, shown as its last 4",
                    required = true) String bankAccountNumber,
            @Schema(description = "CHECKING or SAVINGS", required = true) String accountType,
            @Schema(description = "Account holder's name", required = true) String holderName,
            @Schema(description = "Days before each due date to draft (0 = on the due date); default payment.autopay.days-before-due")
            Integer daysBeforeDue) {
    }

    @Inject
    MandateRequestReader reader;

    @Inject
    Mandates mandates;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.UPSTREAM, Roles.ADMIN })
    @Idempotent
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Enrolment.class)))
    @Operation(summary = "Enrol an account in auto-draft: 201 with the mandate (bank account masked); a mandate in force is replaced; the same Idempotency-Key returns the first answer")
    public Response enroll(String body) {
        MandateRequestReader.Reading reading = reader.read(body);
        if (!reading.errors().isEmpty()) {
            List<FieldError> errors = new ArrayList<>(reading.errors());
            throw new ProblemException(Problem.validation(errors.size() + " field(s) are not valid", errors));
        }
        Mandate mandate = mandates.enroll(reading.request(), identity.getPrincipal().getName());
        return Response.created(URI.create("/autopay/" + mandate.accountNumber)).entity(MandateView.of(mandate))
                .build();
    }

    @GET
    @Path("/{accountNumber}")
    @RolesAllowed({ Roles.UPSTREAM, Roles.OPERATIONS, Roles.ADMIN })
    @Transactional
    @Operation(summary = "The account's auto-draft mandate (in force, else the latest cancelled) with its history and latest debits")
    public MandateView get(@PathParam("accountNumber") String accountNumber) {
        return Mandates.latest(accountNumber).map(MandateView::of)
                .orElseThrow(() -> ProblemException.notFound("No auto-draft mandate for account " + accountNumber));
    }

    @DELETE
    @Path("/{accountNumber}")
    @RolesAllowed({ Roles.UPSTREAM, Roles.OPERATIONS, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Cancel the account's auto-draft: its unsent debits are cancelled; cancelling again changes nothing")
    public MandateView cancel(@PathParam("accountNumber") String accountNumber) {
        return MandateView.of(mandates.cancel(accountNumber, identity.getPrincipal().getName()));
    }
}
