package org.metertocash.platform.refused;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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

/** The write requests this service refused as bad input, with what was sent: newest first. */
@Path("/refused-requests")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
@Tag(name = "operations")
public class RefusedRequestResource {

    public record RefusedRequestView(UUID id, String method, String path, String query, String contentType,
            String body, int bodyBytes, boolean bodyTruncated, String caller, String idempotencyKey,
            String correlationId, int status, JsonNode problem, Instant receivedAt) {
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @GET
    @Operation(summary = "Refused write requests, newest first; filter by path prefix, caller and time")
    public List<RefusedRequestView> list(@QueryParam("path") String pathPrefix, @QueryParam("caller") String caller,
            @QueryParam("since") String since,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        Instant from = null;
        if (since != null && !since.isBlank()) {
            try {
                from = Instant.parse(since);
            } catch (java.time.format.DateTimeParseException e) {
                throw ProblemException.invalid("since", "must be an ISO-8601 instant such as 2026-11-23T00:00:00Z");
            }
        }
        StringBuilder jpql = new StringBuilder("select r from RefusedRequest r where 1 = 1");
        if (pathPrefix != null && !pathPrefix.isBlank()) {
            jpql.append(" and r.path like :path");
        }
        if (caller != null && !caller.isBlank()) {
            jpql.append(" and r.caller = :caller");
        }
        if (from != null) {
            jpql.append(" and r.receivedAt >= :since");
        }
        jpql.append(" order by r.receivedAt desc, r.id");
        TypedQuery<RefusedRequest> query = em.createQuery(jpql.toString(), RefusedRequest.class).setMaxResults(limit);
        if (pathPrefix != null && !pathPrefix.isBlank()) {
            query.setParameter("path", pathPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (caller != null && !caller.isBlank()) {
            query.setParameter("caller", caller);
        }
        if (from != null) {
            query.setParameter("since", from);
        }
        return query.getResultList().stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One refused request with the body that was sent and the problem it was answered with")
    public RefusedRequestView one(@PathParam("id") UUID id) {
        RefusedRequest refused = em.find(RefusedRequest.class, id);
        if (refused == null) {
            throw ProblemException.notFound("No refused request " + id);
        }
        return view(refused);
    }

    private RefusedRequestView view(RefusedRequest r) {
        JsonNode problem = null;
        if (r.problem != null) {
            try {
                problem = json.readTree(r.problem);
            } catch (java.io.IOException e) {
                problem = json.getNodeFactory().textNode(r.problem);
            }
        }
        return new RefusedRequestView(r.id, r.method, r.path, r.query, r.contentType, r.body, r.bodyBytes,
                r.bodyTruncated, r.caller, r.idempotencyKey, r.correlationId, r.status, problem, r.receivedAt);
    }
}
