package org.metertocash.billing.bill;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
 * A day's bill run for operations: run it (again — each account+period bills once, so a re-run only drafts what is
 * still unbilled) and see its bills: how many, their amount, how many posted and held, and the review list.
 */
@Path("/bill-runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "bills")
public class BillRunResource {

    /**
     * The day's bills; {@code run} (what this call's run did) is present only on a run, {@code progress} once a run
     * for the day has found billable reads (the latest such run, finished or going on).
     */
    public record BillRunView(LocalDate date, long count, BigDecimal amount, long posted, long held, long cancelled,
            List<BillView> review, BillRun.Outcome run, ProgressView progress) {
    }

    /** How far the day's latest run has gone; {@code finishedAt} is null while it runs. */
    public record ProgressView(String requestedBy, Instant startedAt, Instant finishedAt, long readsFound,
            long drafted, long posted, long held, long notBillable, long failed, long elapsedMillis,
            double ratePerSecond) {

        static ProgressView of(BillRunProgress p) {
            return new ProgressView(p.requestedBy, p.startedAt, p.finishedAt, p.readsFound, p.drafted, p.posted,
                    p.held, p.notBillable, p.failed, p.elapsedMillis, Math.round(p.ratePerSecond() * 10) / 10.0);
        }
    }

    @Inject
    BillRun billRun;

    @Inject
    Clock clock;

    @Inject
    SecurityIdentity identity;

    @POST
    @Path("/{date}")
    @RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
    @Idempotent(required = false)
    @Operation(summary = "Run the bill run for a date (today or earlier): drafts every billable read ending by then that has no bill yet; re-running creates nothing twice")
    public Response run(@PathParam("date") String dateText) {
        LocalDate date = date(dateText);
        if (date.isAfter(LocalDate.now(clock))) {
            throw ProblemException.invalid("date", "must be today or earlier: usage of the future is not billed");
        }
        BillRun.Outcome outcome = billRun.run(date, identity.getPrincipal().getName());
        return Response.ok(view(date, outcome)).build();
    }

    @GET
    @Path("/{date}")
    @RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
    @Operation(summary = "The bills of a day's run: count, amount, posted, held, cancelled, and the held bills to review")
    public BillRunView get(@PathParam("date") String dateText) {
        return view(date(dateText), null);
    }

    /** Counted and summed in the database: a day's run may have a million bills; only the held ones are listed. */
    @Transactional
    BillRunView view(LocalDate date, BillRun.Outcome outcome) {
        Map<Bill.Status, Long> counts = new EnumMap<>(Bill.Status.class);
        BigDecimal amount = BigDecimal.ZERO.setScale(2);
        for (Object[] row : Bill.getEntityManager().createQuery("select b.status, count(b), sum(b.amountDue) "
                + "from Bill b where b.runDate = :date group by b.status", Object[].class)
                .setParameter("date", date).getResultList()) {
            Bill.Status status = (Bill.Status) row[0];
            counts.put(status, (Long) row[1]);
            if (status != Bill.Status.CANCELLED && row[2] != null) {
                amount = amount.add((BigDecimal) row[2]);
            }
        }
        List<BillView> review = Bill.<Bill> list("runDate = ?1 and status = ?2", Sort.by("draftedAt"), date,
                Bill.Status.HELD_FOR_REVIEW).stream().map(BillView::summary).toList();
        return new BillRunView(date, counts.values().stream().mapToLong(Long::longValue).sum(), amount,
                counts.getOrDefault(Bill.Status.POSTED, 0L), counts.getOrDefault(Bill.Status.HELD_FOR_REVIEW, 0L),
                counts.getOrDefault(Bill.Status.CANCELLED, 0L), review, outcome,
                BillRunProgress.latest(date).map(ProgressView::of).orElse(null));
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("date", "must be a date YYYY-MM-DD");
        }
    }
}
