package org.metertocash.dunning.notices;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
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
import org.metertocash.contracts.common.ServiceAddress;
import org.metertocash.platform.problem.FieldError;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.problem.QueryParameters;
import org.metertocash.platform.security.Roles;

import io.quarkus.panache.common.Parameters;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Notices over HTTP: find a premise's or a day's notices, look at one and its printed document, make the day's print
 * batch now ({@code POST /notices/print-batches}) and look at a batch. Operations and admin.
 */
@Path("/notices")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
@Tag(name = "notices")
public class NoticeResource {

    /** A notice as the API shows it. */
    public record NoticeView(UUID id, String accountNumber, String esiId, NoticeKind kind, NoticeChannel channel,
            String template, String recipientName, String email, String phone, ServiceAddress mailingAddress,
            BigDecimal amount, LocalDate disconnectDate, LocalDate issuedOn, Instant issuedAt, Instant sentAt,
            UUID batchId, String documentFile, String documentSha256, String sendProblem, Instant notSentReportedAt) {
    }

    /** One file of a print batch. */
    public record BatchFile(UUID noticeId, String fileName, String sha256) {
    }

    /** A print batch as the API shows it. */
    public record BatchView(UUID id, LocalDate date, String folder, int notices, String manifestFile,
            String manifestSha256, String createdBy, Instant createdAt, Instant deliveredAt, String deliveryError,
            List<BatchFile> files) {
    }

    /** What {@code POST /notices/print-batches} did. */
    public record BatchRun(LocalDate date, UUID batchId, int notices, int notRendered, boolean delivered,
            String detail, BatchView batch) {
    }

    static final int MAX_LIST = 500;

    @Inject
    PrintBatches batches;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @GET
    @Transactional
    @Operation(summary = "Notices of a premise and/or issued on a day, latest first (at most 500)")
    public List<NoticeView> list(@QueryParam("esiId") String esiId,
            @Parameter(description = "The business day they were issued (YYYY-MM-DD)") @QueryParam("date") String dateText) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = QueryParameters.date("date", dateText, errors);
        if (esiId != null && !esiId.matches("10\\d{15}|10\\d{20}")) {
            errors.add(new FieldError("esiId", "must be 17 or 22 digits starting with 10"));
        }
        if (esiId == null && date == null && errors.isEmpty()) {
            errors.add(new FieldError("esiId", "give esiId, date or both"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (esiId != null) {
            query.append(" and esiId = :esiId");
            parameters.and("esiId", esiId);
        }
        if (date != null) {
            query.append(" and issuedOn = :date");
            parameters.and("date", date);
        }
        query.append(" order by issuedAt desc, id");
        return Notice.<Notice> find(query.toString(), parameters).page(0, MAX_LIST).list().stream().map(this::view)
                .toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "One notice: what it says, to whom, when it was issued and sent, its batch and document")
    public NoticeView get(@PathParam("id") String idText) {
        return view(notice(idText));
    }

    @GET
    @Path("/{id}/document")
    @Produces({ "application/pdf", MediaType.APPLICATION_JSON })
    @Transactional
    @Operation(summary = "The printed notice's PDF as it went to the print vendor (404 until its batch is made)")
    public Response document(@PathParam("id") String idText) {
        Notice notice = notice(idText);
        NoticeDocument document = NoticeDocument.findById(notice.id);
        if (document == null) {
            throw ProblemException.notFound("Notice " + notice.id + " has no printed document"
                    + (notice.channel == NoticeChannel.PRINT ? " yet: it is rendered by the next print batch"
                            : ": it goes out by " + notice.channel));
        }
        return Response.ok(document.content, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + document.fileName + "\"")
                .header("X-SHA-256", document.sha256).build();
    }

    @POST
    @Path("/print-batches")
    @Operation(summary = "Make the print batch of a day now (today's business date when no date is given): every "
            + "printed notice issued by then and not yet sent, one PDF each and a manifest, written to the outbound "
            + "folder; the notices are then sent. 201 with the batch; 200 when there was nothing to print")
    public Response printBatch(@Parameter(description = "YYYY-MM-DD") @QueryParam("date") String dateText) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = QueryParameters.date("date", dateText, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        LocalDate day = date == null ? LocalDate.now(clock) : date;
        PrintBatches.Outcome outcome = batches.run(day, identity.getPrincipal().getName());
        Optional<BatchView> batch = outcome.batchId().flatMap(this::batch);
        String detail = outcome.batchId().isEmpty()
                ? "nothing to print: no printed notice issued by " + day + " is waiting"
                        + (outcome.notRendered() > 0 ? " (" + outcome.notRendered() + " could not be rendered: see "
                                + "the NOTICE_NOT_SENT exceptions)" : "")
                : outcome.notices() + " notice(s) in " + batch.map(BatchView::folder).orElse("?")
                        + (outcome.delivered() ? ", written to the outbound folder"
                                : ", not yet written to the outbound folder (retried on every run)");
        BatchRun run = new BatchRun(day, outcome.batchId().orElse(null), outcome.notices(), outcome.notRendered(),
                outcome.delivered(), detail, batch.orElse(null));
        return outcome.batchId().isPresent()
                ? Response.created(URI.create("/notices/print-batches/" + outcome.batchId().get())).entity(run).build()
                : Response.ok(run).build();
    }

    @GET
    @Path("/print-batches")
    @Transactional
    @Operation(summary = "The latest print batches (at most 100)")
    public List<BatchView> batches() {
        return PrintBatch.<PrintBatch> find("order by createdAt desc").page(0, 100).list().stream()
                .map(b -> batchView(b, List.of())).toList();
    }

    @GET
    @Path("/print-batches/{id}")
    @Transactional
    @Operation(summary = "One print batch: its folder, manifest checksum, when it was written, and its files")
    public BatchView getBatch(@PathParam("id") String idText) {
        UUID id;
        try {
            id = UUID.fromString(idText);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No print batch " + idText);
        }
        return batch(id).orElseThrow(() -> ProblemException.notFound("No print batch " + id));
    }

    @Transactional
    Optional<BatchView> batch(UUID id) {
        PrintBatch batch = PrintBatch.findById(id);
        if (batch == null) {
            return Optional.empty();
        }
        List<BatchFile> files = NoticeDocument.getEntityManager().createQuery(
                "select d.noticeId, d.fileName, d.sha256 from NoticeDocument d where d.batchId = ?1 order by d.fileName",
                Object[].class).setParameter(1, id).getResultList().stream()
                .map(row -> new BatchFile((UUID) row[0], (String) row[1], (String) row[2])).toList();
        return Optional.of(batchView(batch, files));
    }

    private static BatchView batchView(PrintBatch b, List<BatchFile> files) {
        return new BatchView(b.id, b.batchDate, b.folder, b.noticeCount, b.manifestFile, b.manifestSha256, b.createdBy,
                b.createdAt, b.deliveredAt, b.deliveryError, files);
    }

    private static Notice notice(String idText) {
        UUID id;
        try {
            id = UUID.fromString(idText);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No notice " + idText);
        }
        Notice notice = Notice.findById(id);
        if (notice == null) {
            throw ProblemException.notFound("No notice " + id);
        }
        return notice;
    }

    private NoticeView view(Notice n) {
        Object[] document = n.batchId == null ? null
                : NoticeDocument.getEntityManager().createQuery(
                        "select d.fileName, d.sha256 from NoticeDocument d where d.noticeId = ?1", Object[].class)
                        .setParameter(1, n.id).getResultStream().findFirst().orElse(null);
        return new NoticeView(n.id, n.accountNumber, n.esiId, n.kind, n.channel, n.template, n.recipientName, n.email,
                n.phone, n.mailingAddress(), n.amount, n.disconnectDate, n.issuedOn, n.issuedAt, n.sentAt, n.batchId,
                document == null ? null : (String) document[0], document == null ? null : (String) document[1],
                n.sendProblem, n.notSentReportedAt);
    }
}
