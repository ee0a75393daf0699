package org.metertocash.payment.files.intake;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.platform.problem.QueryParameters;
import org.metertocash.payment.files.PaymentFileFormat;
import org.metertocash.payment.files.nacha.NachaMasking;
import org.metertocash.platform.idempotency.Idempotent;
import org.metertocash.platform.problem.FieldError;
import org.metertocash.platform.problem.Problem;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Payment files over HTTP: partners post them raw ({@code POST /payment-files}), operations follow them
 * ({@code GET /payment-files}, {@code /payment-files/{id}}, {@code /payment-files/{id}/lines}) and read them
 * ({@code /payment-files/{id}/content}, ACH account numbers masked); held batches are worked by
 * {@link HeldBatchResource}.
 */
@Path("/payment-files")
@Tag(name = "payment files")
public class PaymentFileResource {

    /** The header a sender may name its file in (or the {@code fileName} query parameter). */
    public static final String FILE_NAME_HEADER = "X-File-Name";
    /** At most this many problems are listed in a 422 (all are counted; the file's view lists up to a thousand). */
    static final int PROBLEMS_IN_ANSWER = 100;

    /** What a received file is answered with: its id and status now, and whether it had been received before. */
    public record Receipt(UUID id, PaymentFileStatus status, boolean duplicate, String detail, PaymentFileView file) {
    }

    /** The 422 of a rejected file: a problem (RFC 9457) naming the stored file and every problem by line. */
    public record RejectedFile(String type, String title, int status, String detail, String instance, UUID fileId,
            int problemCount, List<PaymentFileView.Problem> problems) {
    }

    @Inject
    PaymentFileIntake intake;

    @Inject
    PaymentFileQueries queries;

    @Inject
    PaymentFileContent storedContent;

    @Inject
    SecurityIdentity identity;

    @Inject
    java.time.Clock clock;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @RolesAllowed({ Roles.UPSTREAM, Roles.ADMIN })
    @Idempotent(required = false)
    @Operation(summary = "Receive a payment file (CSV, BAI2 lockbox, NACHA returns/NOCs), raw. Stored with its SHA-256 "
            + "before it is read. 202: accepted, its lines post in the background (follow GET /payment-files/{id}); "
            + "200: the same bytes were received before — the original file, nothing posted again; 422: malformed, "
            + "kept as REJECTED, the problems listed by line, nothing posted")
    public Response receive(byte[] body,
            @Parameter(description = "CSV, BAI2 or NACHA; otherwise from the Content-Type (text/csv, "
                    + "application/x-bai2, application/x-nacha), else told from the content")
            @QueryParam("format") String formatText,
            @Parameter(description = "The file's name (or the X-File-Name header)") @QueryParam("fileName") String fileName,
            @HeaderParam(FILE_NAME_HEADER) String fileNameHeader,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        PaymentFileFormat format = format(formatText, contentType);
        String name = fileName != null && !fileName.isBlank() ? fileName : fileNameHeader;
        PaymentFileIntake.Received received = intake.receive(body, name, format, PaymentFile.Source.API,
                identity.getPrincipal().getName());
        URI location = URI.create("/payment-files/" + received.fileId());
        PaymentFileView view = queries.file(received.fileId()).orElseThrow();
        if (received.duplicate()) {
            return Response.ok(new Receipt(view.id(), view.status(), true, "the same file (SHA-256 " + view.sha256()
                    + ") was received " + view.receivedAt() + " as " + view.id() + ": nothing is posted again", view))
                    .location(location).type(MediaType.APPLICATION_JSON).build();
        }
        if (view.status() == PaymentFileStatus.REJECTED) {
            List<PaymentFileView.Problem> problems = view.problems() == null ? List.of() : view.problems();
            return Response.status(422).location(location).type(Problem.MEDIA_TYPE).entity(new RejectedFile(
                    "urn:metertocash:problem:payment-file-rejected", "Payment file rejected", 422,
                    "payment file " + view.id() + " was stored and rejected, nothing posted: "
                            + view.problemCount() + " problem(s)",
                    "/payment-files", view.id(), view.problemCount() == null ? 0 : view.problemCount(),
                    problems.size() > PROBLEMS_IN_ANSWER ? problems.subList(0, PROBLEMS_IN_ANSWER) : problems))
                    .build();
        }
        return Response.accepted(new Receipt(view.id(), view.status(), false, detail(view), view)).location(location)
                .type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.UPSTREAM, Roles.OPERATIONS, Roles.ADMIN })
    @Operation(summary = "One payment file: status, checksum, format, the trailer's and each batch's control totals "
            + "(declared vs computed), lines posted / unapplied / held / failed with their sums, progress while posting")
    public PaymentFileView get(@PathParam("id") String idText) {
        UUID id = id(idText);
        return queries.file(id).orElseThrow(() -> ProblemException.notFound("No payment file " + id));
    }

    @GET
    @Path("/{id}/content")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
    @Operation(summary = "A payment file's bytes as received (the checksum is of these), in its format's media type; an "
            + "ACH file with every DFI account number masked to its last four (records keep their 94 characters): "
            + "it is kept encrypted and its account numbers never leave the service")
    public Response content(@PathParam("id") String idText) {
        UUID id = id(idText);
        PaymentFileView view = queries.file(id).orElseThrow(() -> ProblemException.notFound("No payment file " + id));
        byte[] bytes = storedContent.bytes(id);
        boolean ach = view.format() == PaymentFileFormat.NACHA
                || PaymentFileFormat.detect(bytes) == PaymentFileFormat.NACHA;
        return Response.ok(ach ? NachaMasking.masked(bytes) : bytes).type(MEDIA_TYPES.get(view.format()))
                .header("X-Content-Masked", ach).build();
    }

    @GET
    @Path("/{id}/lines")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.UPSTREAM, Roles.OPERATIONS, Roles.ADMIN })
    @Operation(summary = "A payment file's lines in line order, with what became of each: a JSON array of one page, "
            + "the total in X-Total-Count")
    public Response lines(@PathParam("id") String idText,
            @Parameter(description = "One or more of POSTED, UNAPPLIED, APPLIED_FROM_SUSPENSE, REFUNDED, RETURNED, "
                    + "HELD, FAILED, RECORDED, HANDED_OFF, DUPLICATE") @QueryParam("status") List<String> statusNames,
            @QueryParam("page") @DefaultValue("0") String pageText,
            @QueryParam("size") @DefaultValue("100") String sizeText) {
        UUID id = id(idText);
        List<FieldError> errors = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        for (String name : statusNames == null ? List.<String> of() : statusNames) {
            for (String one : name.split(",")) {
                String status = one.trim().toUpperCase(Locale.ROOT);
                if (PaymentFileQueries.LINE_STATUSES.contains(status)) {
                    statuses.add(status);
                } else if (!status.isEmpty()) {
                    errors.add(new FieldError("status", "must be one of " + PaymentFileQueries.LINE_STATUSES));
                }
            }
        }
        QueryParameters.Page page = QueryParameters.page(pageText, sizeText, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        PaymentFileQueries.LinePage lines = queries.lines(id, statuses, page.index(), page.size())
                .orElseThrow(() -> ProblemException.notFound("No payment file " + id));
        return Response.ok(lines.lines()).header("X-Total-Count", lines.total()).header("X-Page", page.index())
                .header("X-Page-Size", page.size()).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.UPSTREAM, Roles.OPERATIONS, Roles.ADMIN })
    @Operation(summary = "Payment files, latest received first: a JSON array of one page, the total in X-Total-Count")
    public Response list(
            @Parameter(description = "One or more statuses") @QueryParam("status") List<String> statusNames,
            @Parameter(description = "Received on or after this business date (YYYY-MM-DD)") @QueryParam("from") String fromText,
            @Parameter(description = "Received on or before this business date") @QueryParam("to") String toText,
            @QueryParam("page") @DefaultValue("0") String pageText,
            @QueryParam("size") @DefaultValue("100") String sizeText) {
        List<FieldError> errors = new ArrayList<>();
        List<PaymentFileStatus> statuses = new ArrayList<>();
        for (String name : statusNames == null ? List.<String> of() : statusNames) {
            try {
                statuses.add(PaymentFileStatus.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "must be one of " + Arrays.toString(PaymentFileStatus.values())));
            }
        }
        LocalDate from = QueryParameters.date("from", fromText, errors);
        LocalDate to = QueryParameters.date("to", toText, errors);
        QueryParameters.Page page = QueryParameters.page(pageText, sizeText, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        ZoneId zone = clock.getZone();
        PaymentFileQueries.FilePage files = queries.files(statuses,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), page.index(), page.size());
        return Response.ok(files.files()).header("X-Total-Count", files.total()).header("X-Page", page.index())
                .header("X-Page-Size", page.size()).build();
    }

    private static String detail(PaymentFileView view) {
        return switch (view.status()) {
            case POSTING -> view.lines().toPost() + " line(s) are being posted; follow /payment-files/" + view.id();
            case PARTIALLY_HELD -> "the balanced batches posted; " + view.lines().held() + " line(s) are held with "
                    + "their batch as exceptions";
            case HELD -> "nothing posted: the file is held as an exception (" + view.lines().held() + " line(s))";
            case POSTED -> view.format() == PaymentFileFormat.NACHA
                    ? view.lines().recorded() + " return(s) / notification(s) of change recorded"
                    : "posted";
            default -> view.status().name();
        };
    }

    private static PaymentFileFormat format(String formatText, String contentType) {
        if (formatText != null && !formatText.isBlank()) {
            try {
                return PaymentFileFormat.valueOf(formatText.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("format", "must be one of " + Arrays.toString(PaymentFileFormat.values()));
            }
        }
        if (contentType == null) {
            return null;
        }
        String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.get(type);
    }

    private static final Map<String, PaymentFileFormat> CONTENT_TYPES = Map.of(
            "text/csv", PaymentFileFormat.CSV,
            "application/csv", PaymentFileFormat.CSV,
            "application/x-bai2", PaymentFileFormat.BAI2,
            "text/x-bai2", PaymentFileFormat.BAI2,
            "application/vnd.bai2", PaymentFileFormat.BAI2,
            "application/x-nacha", PaymentFileFormat.NACHA,
            "text/x-nacha", PaymentFileFormat.NACHA,
            "application/vnd.nacha", PaymentFileFormat.NACHA,
            "application/x-ach", PaymentFileFormat.NACHA);

    private static final Map<PaymentFileFormat, String> MEDIA_TYPES = Map.of(
            PaymentFileFormat.CSV, "text/csv",
            PaymentFileFormat.BAI2, "application/x-bai2",
            PaymentFileFormat.NACHA, "application/x-nacha");

    private static UUID id(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No payment file " + text);
        }
    }
}
