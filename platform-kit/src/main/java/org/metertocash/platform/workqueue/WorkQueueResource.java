package org.metertocash.platform.workqueue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;

/** The exceptions work queue of this service: list, inspect, resolve, dismiss, retry; every action audited. */
@Path("/exceptions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
@Tag(name = "operations")
public class WorkQueueResource {

    public record WorkItemView(UUID id, String type, WorkItem.Status status, String esiId, String reference,
            String summary, JsonNode details, int occurrences, Instant createdAt, Instant updatedAt,
            List<ActionView> history) {
    }

    public record ActionView(WorkItemAction.Action action, String actor, String note, String outcome, Instant at) {
    }

    public record ActionRequest(String note) {
    }

    @Inject
    WorkQueue queue;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    @GET
    @Operation(summary = "List exceptions, newest first; filter by type, status, ESI ID, reason code (e.g. a market reject reason) and minimum age")
    public List<WorkItemView> list(@QueryParam("type") String type,
            @QueryParam("status") @DefaultValue("OPEN") WorkItem.Status status,
            @QueryParam("esiId") String esiId,
            @QueryParam("olderThan") String olderThan,
            @QueryParam("reasonCode") String reasonCode,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        Duration age = null;
        if (olderThan != null && !olderThan.isBlank()) {
            try {
                age = Duration.parse(olderThan);
            } catch (java.time.format.DateTimeParseException e) {
                throw ProblemException.invalid("olderThan", "must be an ISO-8601 duration such as PT24H or P3D");
            }
        }
        return queue.list(new WorkQueue.Filter(type, status, esiId, age,
                reasonCode == null || reasonCode.isBlank() ? null : reasonCode, limit)).stream()
                .map(item -> view(item, null)).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One exception with its audit trail")
    public WorkItemView get(@PathParam("id") UUID id) {
        WorkItem item = queue.find(id).orElseThrow(() -> ProblemException.notFound("No exception " + id));
        return view(item, queue.history(id));
    }

    @POST
    @Path("/{id}/resolve")
    @Operation(summary = "Resolve with a note saying what was done")
    public WorkItemView resolve(@PathParam("id") UUID id, ActionRequest request) {
        queue.resolve(id, actor(), request == null ? null : request.note());
        return get(id);
    }

    @POST
    @Path("/{id}/dismiss")
    @Operation(summary = "Dismiss with a note saying why nothing needs doing")
    public WorkItemView dismiss(@PathParam("id") UUID id, ActionRequest request) {
        queue.dismiss(id, actor(), request == null ? null : request.note());
        return get(id);
    }

    @POST
    @Path("/{id}/retry")
    @Operation(summary = "Retry the failed work; the exception closes if it succeeds")
    public WorkItemView retry(@PathParam("id") UUID id, ActionRequest request) {
        queue.retry(id, actor(), request == null ? null : request.note());
        return get(id);
    }

    private String actor() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    private WorkItemView view(WorkItem item, List<WorkItemAction> history) {
        JsonNode details = null;
        if (item.details != null) {
            try {
                details = json.readTree(item.details);
            } catch (Exception e) {
                details = json.getNodeFactory().textNode(item.details);
            }
        }
        return new WorkItemView(item.id, item.type, item.status, item.esiId, item.reference, item.summary, details,
                item.occurrences, item.createdAt, item.updatedAt,
                history == null ? null
                        : history.stream().map(a -> new ActionView(a.action, a.actor, a.note, a.outcome, a.at)).toList());
    }
}
