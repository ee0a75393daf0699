package org.metertocash.dunning.collections;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

import io.quarkus.panache.common.Sort;

@Path("/accounts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
@Tag(name = "collections")
public class CollectionResource {

    public record CollectionsView(String esiId, String accountNumber, BillingType billingType, String county,
            CollectionState state, Instant openedAt, Instant updatedAt, List<Step> history) {
    }

    public record Step(CollectionState from, CollectionState to, String rule, UUID causeEventId, Instant at) {
    }

    @GET
    @Path("/{esiId}/collections")
    @Operation(summary = "The premise's current account in collections: its state and the history of its steps")
    public CollectionsView collections(@PathParam("esiId") String esiId) {
        CollectionAccount account = CollectionAccount.<CollectionAccount> find("esiId", Sort.descending("openedAt"),
                esiId).firstResult();
        if (account == null) {
            throw ProblemException.notFound("No account in collections for ESI ID " + esiId);
        }
        List<Step> history = CollectionTransition.<CollectionTransition> list("accountNumber = ?1 order by id",
                account.accountNumber).stream()
                .map(t -> new Step(t.fromState, t.toState, t.rule, t.causeEventId, t.at)).toList();
        return new CollectionsView(account.esiId, account.accountNumber, account.billingType, account.county,
                account.state, account.openedAt, account.updatedAt, history);
    }
}
