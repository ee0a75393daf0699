package org.metertocash.dunning.collections;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.dunning.collections.policy.Arrears;
import org.metertocash.dunning.collections.policy.CollectionPolicy;
import org.metertocash.dunning.contacts.Contacts;
import org.metertocash.dunning.ledger.Ledger;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

import io.quarkus.panache.common.Sort;

/** {@code GET /accounts/{esiId}/collections}: where the premise's account stands, how it got there, what comes next. */
@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
@Tag(name = "collections")
public class CollectionResource {

    /** The account in collections: its state and the rule that put it there, its arrears, history and next step. */
    public record CollectionsView(String esiId, String accountNumber, BillingType billingType, String county,
            CollectionState state, String rule, BigDecimal pastDueAmount, BigDecimal balance, Next next,
            LocalDate convertedToPostpayOn, Instant openedAt, Instant updatedAt, List<Step> history) {
    }

    /** What happens next and when ({@code on} is null when no date is known, e.g. waiting for the wires utility). */
    public record Next(String what, LocalDate on) {
    }

    /** One step of the history and the rule that decided it. */
    public record Step(CollectionState from, CollectionState to, String rule, UUID causeEventId, Instant at) {
    }

    @Inject
    Ledger ledger;

    @Inject
    CollectionPolicy policy;

    @Inject
    Clock clock;

    @Inject
    Contacts contacts;

    @GET
    @Path("/{esiId}/collections")
    @Transactional
    @Operation(summary = "The premise's current account in collections: state, past-due amount, balance, the history"
            + " of its steps with the rule of each, and what happens next and when")
    public CollectionsView collections(@PathParam("esiId") String esiId) {
        CollectionAccount account = CollectionAccount.<CollectionAccount> find("esiId", Sort.descending("openedAt"),
                esiId).firstResult();
        if (account == null) {
            throw ProblemException.notFound("No account in collections for ESI ID " + esiId);
        }
        List<Step> history = CollectionTransition.<CollectionTransition> list("accountNumber = ?1 order by id",
                account.accountNumber).stream()
                .map(t -> new Step(t.fromState, t.toState, t.rule, t.causeEventId, t.at)).toList();
        Arrears arrears = Arrears.of(ledger.bills(account.accountNumber), ledger.payments(account.accountNumber),
                ledger.lateFees(account.accountNumber), LocalDate.now(clock),
                policy.settings().postpay().pastDueDaysAfterDue());
        Next next = new Next(account.nextWhat == null ? "none" : account.nextWhat, account.nextOn);
        // the enrollment and the account may be recorded at the same moment by two consumers, neither seeing the
        // other's row: the account learns its county at its next evaluation, the view shows it already
        String county = account.county != null ? account.county
                : contacts.forAccount(account.enrollmentId, account.esiId).map(c -> c.county).orElse(null);
        return new CollectionsView(account.esiId, account.accountNumber, account.billingType, county,
                account.state, account.rule, arrears.pastDue(), arrears.balance(), next, account.convertedOn,
                account.openedAt, account.updatedAt, history);
    }
}
