package org.metertocash.billing.bill;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

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

/**
 * A day's bill run for operations: run it (again — each account+period bills once, so a re-run only drafts what is
 * still unbilled) and see its bills: how many, their amount, how many posted and held, and the review list.
 */
@Path("/bill-runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "bills")
public class BillRunResource {

    /** The day's bills; {@code drafted} and the other counts of this call are present only on a run. */
    public record BillRunView(LocalDate date, long count, BigDecimal amount, long posted, long held, long cancelled,
            List<BillView> review, BillRun.Outcome run) {
    }

    @Inject
    BillRun billRun;

    @Inject
    Clock clock;

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
        BillRun.Outcome outcome = billRun.run(date);
        return Response.ok(view(date, outcome)).build();
    }

    @GET
    @Path("/{date}")
    @RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
    @Operation(summary = "The bills of a day's run: count, amount, posted, held, cancelled, and the held bills to review")
    public BillRunView get(@PathParam("date") String dateText) {
        return view(date(dateText), null);
    }

    @Transactional
    BillRunView view(LocalDate date, BillRun.Outcome outcome) {
        List<Bill> bills = Bill.list("runDate", Sort.by("draftedAt"), date);
        BigDecimal amount = bills.stream().filter(b -> b.status != Bill.Status.CANCELLED).map(b -> b.amountDue)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        return new BillRunView(date, bills.size(), amount, count(bills, Bill.Status.POSTED),
                count(bills, Bill.Status.HELD_FOR_REVIEW), count(bills, Bill.Status.CANCELLED),
                bills.stream().filter(b -> b.status == Bill.Status.HELD_FOR_REVIEW).map(BillView::summary).toList(),
                outcome);
    }

    private static long count(List<Bill> bills, Bill.Status status) {
        return bills.stream().filter(b -> b.status == status).count();
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("date", "must be a date YYYY-MM-DD");
        }
    }
}
