package org.metertocash.dunning.gates;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.platform.problem.FieldError;
import org.metertocash.platform.problem.Problem;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.problem.QueryParameters;
import org.metertocash.platform.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Extreme-weather moratoriums over HTTP (16 TAC §25.483(j), per county per day): record one, remove one, list a day's,
 * import many from a CSV file. Operations and admin; every change is audited with the caller.
 */
@Path("/moratoriums")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
@Tag(name = "moratoriums")
public class MoratoriumResource {

    /** The body of a PUT: why the county is under a moratorium that day (e.g. "heat advisory"). */
    public record MoratoriumRequest(String reason) {
    }

    /** One moratorium as the API shows it. */
    public record MoratoriumView(String county, LocalDate date, String reason, Moratorium.Source source,
            UUID importId, String recordedBy, Instant recordedAt) {

        static MoratoriumView of(Moratorium m) {
            return new MoratoriumView(m.county, m.day, m.reason, m.source, m.importId, m.recordedBy, m.recordedAt);
        }
    }

    /** One audited change of a moratorium. */
    public record ChangeView(GateChange.Action action, String actor, Instant at, String detail) {

        static ChangeView of(GateChange c) {
            return new ChangeView(c.action, c.actor, c.at, c.detail);
        }
    }

    /** The answer to an import that recorded its moratoriums. */
    public record ImportView(UUID importId, String sha256, MoratoriumImport.Status status, int lines, int recorded,
            int alreadyRecorded) {
    }

    /** The 422 of a refused import: a problem (RFC 9457) naming the kept file and every bad line with its reason. */
    public record RefusedImport(String type, String title, int status, String detail, String instance, UUID importId,
            String sha256, List<FieldError> errors) {
    }

    static final int MAX_REASON = 300;

    @Inject
    Moratoriums moratoriums;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @PUT
    @Path("/{county}/{date}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record an extreme-weather moratorium for a county on a day (201 new, 200 already recorded; "
            + "the reason is updated if it differs)")
    public Response put(@PathParam("county") String county,
            @Parameter(description = "YYYY-MM-DD") @PathParam("date") String dateText, MoratoriumRequest request) {
        List<FieldError> errors = new ArrayList<>();
        String name = county(county, errors);
        LocalDate day = date(dateText, errors);
        String reason = request == null || request.reason() == null ? null : request.reason().trim();
        if (reason == null || reason.isEmpty()) {
            errors.add(new FieldError("reason", "must say why (e.g. heat advisory, freeze forecast)"));
        } else if (reason.length() > MAX_REASON) {
            errors.add(new FieldError("reason", "must be at most " + MAX_REASON + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Moratoriums.Recorded recorded = moratoriums.put(name, day, reason, actor());
        MoratoriumView view = MoratoriumView.of(recorded.moratorium());
        return recorded.created() ? Response.created(location(view)).entity(view).build()
                : Response.ok(view).build();
    }

    @DELETE
    @Path("/{county}/{date}")
    @Operation(summary = "Remove the moratorium of a county on a day (204; 404 when there is none)")
    public Response delete(@PathParam("county") String county,
            @Parameter(description = "YYYY-MM-DD") @PathParam("date") String dateText) {
        List<FieldError> errors = new ArrayList<>();
        String name = county(county, errors);
        LocalDate day = date(dateText, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (!moratoriums.remove(name, day, actor())) {
            throw ProblemException.notFound("No moratorium for " + name + " on " + day);
        }
        return Response.noContent().build();
    }

    @GET
    @Operation(summary = "The moratoriums of a day (today's business date when no date is given), by county")
    public List<MoratoriumView> list(@Parameter(description = "YYYY-MM-DD") @QueryParam("date") String dateText) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate day = QueryParameters.date("date", dateText, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return moratoriums.on(day == null ? LocalDate.now(clock) : day).stream().map(MoratoriumView::of).toList();
    }

    @GET
    @Path("/{county}/{date}")
    @Operation(summary = "One county's moratorium on a day")
    public MoratoriumView get(@PathParam("county") String county, @PathParam("date") String dateText) {
        List<FieldError> errors = new ArrayList<>();
        String name = county(county, errors);
        LocalDate day = date(dateText, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return moratoriums.find(name, day).map(MoratoriumView::of)
                .orElseThrow(() -> ProblemException.notFound("No moratorium for " + name + " on " + day));
    }

    @GET
    @Path("/{county}/{date}/changes")
    @Operation(summary = "Who recorded, changed or removed a county's moratorium of a day, and when")
    public List<ChangeView> changes(@PathParam("county") String county, @PathParam("date") String dateText) {
        List<FieldError> errors = new ArrayList<>();
        String name = county(county, errors);
        LocalDate day = date(dateText, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return moratoriums.changes(name, day).stream().map(ChangeView::of).toList();
    }

    @POST
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN, "application/csv" })
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @Operation(summary = "Import moratoriums from CSV: a header county,date,reason then one line per county and day. "
            + "The file is kept with its SHA-256 whatever happens. 200: every line recorded (those already recorded "
            + "are left as they are); 422: a line is wrong — every bad line named with its reason, nothing imported")
    public Response importFile(byte[] body,
            @Parameter(description = "The file's name") @QueryParam("fileName") String fileName,
            @HeaderParam("X-File-Name") String fileNameHeader) {
        String name = fileName != null && !fileName.isBlank() ? fileName : fileNameHeader;
        Moratoriums.Imported imported = moratoriums.importFile(body == null ? new byte[0] : body, name, actor());
        if (imported.status() == MoratoriumImport.Status.REFUSED) {
            List<FieldError> errors = imported.problems().stream()
                    .map(p -> new FieldError(p.line() == 0 ? "file" : "line " + p.line(), p.reason())).toList();
            return Response.status(422).type(Problem.MEDIA_TYPE).entity(new RefusedImport(
                    "urn:metertocash:problem:moratorium-file-refused", "Moratorium file refused", 422,
                    "nothing was imported: " + errors.size() + " problem(s); the file is kept as import "
                            + imported.importId(),
                    "/moratoriums", imported.importId(), imported.sha256(), errors)).build();
        }
        return Response.ok(new ImportView(imported.importId(), imported.sha256(), imported.status(), imported.lines(),
                imported.recorded(), imported.unchanged())).build();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static URI location(MoratoriumView view) {
        return URI.create("/moratoriums/" + URLEncoder.encode(view.county(), StandardCharsets.UTF_8).replace("+", "%20")
                + "/" + view.date());
    }

    private static String county(String county, List<FieldError> errors) {
        if (!MoratoriumCsv.isCountyName(county)) {
            errors.add(new FieldError("county", "must be a county name (letters, spaces, . ' -; at most "
                    + MoratoriumCsv.MAX_COUNTY + ")"));
            return null;
        }
        return Moratorium.countyName(county);
    }

    private static LocalDate date(String text, List<FieldError> errors) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            errors.add(new FieldError("date", "must be a date (YYYY-MM-DD)"));
            return null;
        }
    }
}
