package org.metertocash.billing.tariff;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.platform.idempotency.Idempotent;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/tdu-tariffs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "TDU tariffs")
public class TduTariffResource {

    /** The charges of a version: dollars per month and cents per kWh. */
    public record TariffCharges(BigDecimal customerCharge, BigDecimal deliveryCentsPerKwh) {
    }

    public record TariffView(String tdu, LocalDate effectiveDate, BigDecimal customerCharge,
            BigDecimal deliveryCentsPerKwh, Instant updatedAt, String updatedBy) {

        static TariffView of(TariffVersion v) {
            return new TariffView(v.tdu, v.effectiveDate, v.customerCharge, v.deliveryCentsPerKwh, v.updatedAt,
                    v.updatedBy);
        }
    }

    @Inject
    TduTariffs tariffs;

    @Inject
    SecurityIdentity identity;

    @PUT
    @Path("/{tdu}/{effectiveDate}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Idempotent(required = false)
    @Operation(summary = "Record the TDU tariff version effective on a date (201 when new, 200 when it replaces the version of that date)")
    public Response put(@PathParam("tdu") String tdu,
            @Parameter(description = "YYYY-MM-DD") @PathParam("effectiveDate") String effectiveDate,
            TariffCharges charges,
            @Parameter(description = "Repeat a request with the same key to get the first answer back")
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        LocalDate date;
        try {
            date = LocalDate.parse(effectiveDate);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("effectiveDate", "must be a date (YYYY-MM-DD)");
        }
        if (charges == null) {
            throw ProblemException.invalid("body", "must give customerCharge and deliveryCentsPerKwh");
        }
        TduTariffs.Recorded recorded = tariffs.put(tdu, date, charges.customerCharge(), charges.deliveryCentsPerKwh(),
                identity.getPrincipal().getName());
        TariffView view = TariffView.of(recorded.version());
        return recorded.created()
                ? Response.created(URI.create("/tdu-tariffs/" + tdu + "/" + date)).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @RolesAllowed({ Roles.UPSTREAM, Roles.OPERATIONS, Roles.ADMIN })
    @Operation(summary = "Every TDU's tariff versions, by TDU then effective date")
    public List<TariffView> all() {
        return TariffVersion.<TariffVersion> listAll(Sort.by("tdu").and("effectiveDate")).stream()
                .map(TariffView::of).toList();
    }

    @GET
    @Path("/{tdu}")
    @RolesAllowed({ Roles.UPSTREAM, Roles.OPERATIONS, Roles.ADMIN })
    @Operation(summary = "A TDU's tariff versions, oldest first; the one in force on a date is the latest effective on or before it")
    public List<TariffView> versions(@PathParam("tdu") String tdu) {
        List<TariffView> versions = TariffVersion.<TariffVersion> list("tdu", Sort.by("effectiveDate"), tdu).stream()
                .map(TariffView::of).toList();
        if (versions.isEmpty()) {
            throw ProblemException.notFound("No tariff for TDU " + tdu);
        }
        return versions;
    }
}
