package org.metertocash.platform.refused;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.metertocash.platform.problem.Problem;
import org.metertocash.platform.workqueue.WorkQueue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Keeps every write request answered as bad input. The request filter holds on to the body as it arrives (the
 * endpoint still reads it unchanged); when the answer is a 400, 413, 415 or 422, the response filter stores the
 * request with the problem it was answered with and raises a {@value #REFUSED_REQUEST} work item — in a
 * transaction of its own, so the refused call's rollback does not take the evidence with it.
 */
@ApplicationScoped
public class RefusedRequests {

    /** A write request refused as bad input: reference = the kept request's id (details name caller and path). */
    public static final String REFUSED_REQUEST = "REFUSED_REQUEST";

    private static final Logger LOG = Logger.getLogger(RefusedRequests.class);
    private static final String BODY = RefusedRequests.class.getName() + ".body";
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<Integer> BAD_INPUT = Set.of(400, 413, 415, 422);

    @Inject
    RefusedRequestsConfig config;

    @Inject
    EntityManager em;

    @Inject
    WorkQueue workQueue;

    @Inject
    ObjectMapper json;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    private volatile List<Pattern> excluded;

    /** The body as received: its first bytes (up to the limit) and its full length. */
    record HeldBody(byte[] bytes, int length) {
    }

    @ServerRequestFilter(readBody = true)
    public void holdBody(ContainerRequestContext request) throws IOException {
        if (!config.enabled() || !WRITES.contains(request.getMethod()) || !request.hasEntity()
                || isExcluded(request.getUriInfo().getPath())) {
            return;
        }
        InputStream in = request.getEntityStream();
        byte[] all = in.readAllBytes(); // readBody = true: the body is already in memory
        request.setEntityStream(new ByteArrayInputStream(all));
        int kept = Math.min(all.length, config.maxBodyBytes());
        request.setProperty(BODY, new HeldBody(kept == all.length ? all : java.util.Arrays.copyOf(all, kept),
                all.length));
    }

    @ServerResponseFilter
    public void keepIfRefused(ContainerRequestContext request, ContainerResponseContext response) {
        if (!config.enabled() || !BAD_INPUT.contains(response.getStatus()) || !WRITES.contains(request.getMethod())
                || isExcluded(request.getUriInfo().getPath())) {
            return;
        }
        HeldBody body = (HeldBody) request.getProperty(BODY);
        RefusedRequest refused = new RefusedRequest();
        refused.id = UUID.randomUUID();
        refused.method = request.getMethod();
        refused.path = truncate(request.getUriInfo().getPath(), 1000);
        refused.query = truncate(request.getUriInfo().getRequestUri().getRawQuery(), 2000);
        refused.contentType = truncate(request.getHeaderString("Content-Type"), 200);
        refused.body = body == null ? null : new String(body.bytes(), StandardCharsets.UTF_8);
        refused.bodyBytes = body == null ? 0 : body.length();
        refused.bodyTruncated = body != null && body.bytes().length < body.length();
        refused.caller = caller();
        refused.idempotencyKey = truncate(request.getHeaderString("Idempotency-Key"), 200);
        refused.correlationId = truncate(request.getHeaderString("X-Correlation-Id"), 200);
        refused.status = response.getStatus();
        refused.problem = problemJson(response.getEntity());
        refused.receivedAt = clock.instant();
        if (BlockingOperationControl.isBlockingAllowed()) {
            store(refused, response.getEntity());
        } else {
            // answered on the event loop (e.g. a body that could not be read): store on a worker thread
            Infrastructure.getDefaultWorkerPool().execute(() -> store(refused, response.getEntity()));
        }
    }

    private void store(RefusedRequest refused, Object entity) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                em.persist(refused);
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("refusedRequestId", refused.id.toString());
                details.put("method", refused.method);
                details.put("path", refused.path);
                details.put("caller", refused.caller);
                details.put("status", refused.status);
                if (refused.idempotencyKey != null) {
                    details.put("idempotencyKey", refused.idempotencyKey);
                }
                if (entity instanceof Problem problem && problem.errors() != null) {
                    details.put("errors", problem.errors());
                }
                workQueue.raise(REFUSED_REQUEST, null, refused.id.toString(),
                        refused.method + " " + refused.path + " from " + refused.caller + " refused ("
                                + refused.status + "): " + reasons(entity),
                        details);
            });
        } catch (RuntimeException e) {
            // the caller already has its answer; never turn it into a 500, but say loudly what was not kept
            LOG.errorf(e, "Could not keep refused request %s %s from %s", refused.method, refused.path,
                    refused.caller);
        }
    }

    private static String reasons(Object entity) {
        if (entity instanceof Problem problem) {
            if (problem.errors() != null && !problem.errors().isEmpty()) {
                return truncate(String.join("; ", problem.errors().stream().map(e -> e.field() + " " + e.reason()).toList()),
                        500);
            }
            return truncate(problem.detail() != null ? problem.detail() : problem.title(), 500);
        }
        return "bad input";
    }

    private String problemJson(Object entity) {
        if (!(entity instanceof Problem)) {
            return null;
        }
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private String caller() {
        try {
            return identity == null || identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        } catch (RuntimeException e) {
            return "anonymous";
        }
    }

    private boolean isExcluded(String path) {
        List<Pattern> patterns = excluded;
        if (patterns == null) {
            patterns = config.excludePaths().orElse(List.of()).stream().map(Pattern::compile).toList();
            excluded = patterns;
        }
        return patterns.stream().anyMatch(p -> p.matcher(path).matches());
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
