package org.metertocash.dunning.gates;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.platform.problem.FieldError;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * A premise's designations over HTTP: record (or renew) one, end one, list them with their audit trail. The expiry of
 * critical care (2 years) and chronic condition (90 days) is computed (16 TAC §25.497); low income has none unless one
 * is given. Operations and admin.
 */
@Path("/premises/{esiId}/designations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
@Tag(name = "designations")
public class DesignationResource {

    /** The body of a PUT: from when, an expiry only for low income, an optional note. */
    public record DesignationRequest(LocalDate effectiveFrom, LocalDate expiresOn, String note) {
    }

    /** One designation as the API shows it, with whether it is in force today and its audit trail. */
    public record DesignationView(UUID id, String esiId, Designation type, LocalDate effectiveFrom,
            LocalDate expiresOn, LocalDate endedOn, boolean inForceToday, String note, String recordedBy,
            Instant recordedAt, String updatedBy, Instant updatedAt, String endedBy,
            List<MoratoriumResource.ChangeView> changes) {
    }

    static final int MAX_NOTE = 500;
    private static final String ESI_ID = "10\\d{15}|10\\d{20}";

    @Inject
    Designations designations;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @PUT
    @Path("/{type}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a designation of the premise (201 new, 200 renewed or unchanged); its expiry is "
            + "computed: critical care 2 years, chronic condition 90 days (16 TAC §25.497); low income none unless "
            + "expiresOn is given")
    public Response put(@PathParam("esiId") String esiId,
            @Parameter(description = "CRITICAL_CARE, CHRONIC_CONDITION or LOW_INCOME") @PathParam("type") String typeText,
            DesignationRequest request) {
        List<FieldError> errors = new ArrayList<>();
        checkEsiId(esiId, errors);
        Designation type = type(typeText, errors);
        if (request == null || request.effectiveFrom() == null) {
            errors.add(new FieldError("effectiveFrom", "is required (YYYY-MM-DD)"));
        }
        String note = request == null || request.note() == null || request.note().isBlank() ? null
                : request.note().trim();
        if (note != null && note.length() > MAX_NOTE) {
            errors.add(new FieldError("note", "must be at most " + MAX_NOTE + " characters"));
        }
        LocalDate expiresOn = request == null ? null : request.expiresOn();
        if (expiresOn != null && type != null && type != Designation.LOW_INCOME) {
            errors.add(new FieldError("expiresOn", "is computed for " + type + " (16 TAC §25.497: critical care "
                    + "2 years, chronic condition 90 days); leave it out"));
        } else if (expiresOn != null && request.effectiveFrom() != null
                && !expiresOn.isAfter(request.effectiveFrom())) {
            errors.add(new FieldError("expiresOn", "must be after effectiveFrom"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Designations.Recorded recorded = designations.record(esiId, type, request.effectiveFrom(), expiresOn, note,
                identity.getPrincipal().getName());
        DesignationView view = view(recorded.designation());
        return recorded.created()
                ? Response.created(URI.create("/premises/" + esiId + "/designations")).entity(view).build()
                : Response.ok(view).build();
    }

    @DELETE
    @Path("/{type}")
    @Operation(summary = "End the premise's designation of this type: no longer in force from today (200 with the "
            + "ended designation; 404 when none is open)")
    public DesignationView delete(@PathParam("esiId") String esiId, @PathParam("type") String typeText) {
        List<FieldError> errors = new ArrayList<>();
        checkEsiId(esiId, errors);
        Designation type = type(typeText, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return designations.end(esiId, type, identity.getPrincipal().getName()).map(this::view)
                .orElseThrow(() -> ProblemException.notFound("No open " + type + " designation for ESI ID " + esiId));
    }

    @GET
    @Operation(summary = "The premise's designations, open and ended, oldest first, each with whether it is in force "
            + "today and who changed it")
    public List<DesignationView> list(@PathParam("esiId") String esiId) {
        List<FieldError> errors = new ArrayList<>();
        checkEsiId(esiId, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return designations.of(esiId).stream().map(this::view).toList();
    }

    private DesignationView view(PremiseDesignation d) {
        return new DesignationView(d.id, d.esiId, d.type, d.effectiveFrom, d.expiresOn, d.endedOn,
                d.inForceOn(LocalDate.now(clock)), d.note, d.recordedBy, d.recordedAt, d.updatedBy, d.updatedAt,
                d.endedBy, designations.changes(d.id).stream().map(MoratoriumResource.ChangeView::of).toList());
    }

    private static void checkEsiId(String esiId, List<FieldError> errors) {
        if (esiId == null || !esiId.matches(ESI_ID)) {
            errors.add(new FieldError("esiId", "must be 17 or 22 digits starting with 10"));
        }
    }

    private static Designation type(String text, List<FieldError> errors) {
        try {
            return Designation.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            errors.add(new FieldError("type", "must be one of " + Arrays.toString(Designation.values())));
            return null;
        }
    }
}
