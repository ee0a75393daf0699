package org.metertocash.platform.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.metertocash.platform.problem.FieldError;
import org.metertocash.platform.problem.Problem;
import org.metertocash.platform.problem.ProblemException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Implements {@link Idempotent}. The key row is inserted first, in the transaction that carries the call's
 * effect: a concurrent call with the same key waits on the row and then sees the stored response, and a call
 * that fails rolls its key back so it can be retried.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 200;

    @Inject
    HttpHeaders headers;

    @Inject
    SecurityIdentity identity;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    private volatile ObjectMapper canonical;

    @AroundInvoke
    Object around(InvocationContext ctx) throws Exception {
        Idempotent binding = binding(ctx);
        String key = headers.getHeaderString(HEADER);
        if (key == null || key.isBlank()) {
            if (binding.required()) {
                throw new ProblemException(Problem.validation("The " + HEADER + " header is required",
                        List.of(new FieldError(HEADER, "header is required on this operation"))));
            }
            return ctx.proceed();
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw ProblemException.invalid(HEADER, "must be at most " + MAX_KEY_LENGTH + " characters");
        }
        String scope = ctx.getMethod().getDeclaringClass().getSimpleName() + "#" + ctx.getMethod().getName() + "@"
                + (identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName());
        String hash = hash(requestParts(ctx));
        return QuarkusTransaction.requiringNew().call(() -> {
            int inserted = em.createNativeQuery("""
                    insert into idempotency_record (scope, idempotency_key, request_hash, response_status, created_at)
                    values (?1, ?2, ?3, 0, ?4) on conflict do nothing""")
                    .setParameter(1, scope).setParameter(2, key).setParameter(3, hash)
                    .setParameter(4, clock.instant())
                    .executeUpdate();
            if (inserted == 0) {
                return replay(scope, key, hash);
            }
            Object result = proceed(ctx);
            store(scope, key, result);
            return result;
        });
    }

    private Object replay(String scope, String key, String hash) {
        Object[] row = (Object[]) em.createNativeQuery("""
                select request_hash, response_status, response_body, response_location
                from idempotency_record where scope = ?1 and idempotency_key = ?2""")
                .setParameter(1, scope).setParameter(2, key).getSingleResult();
        if (!hash.equals(row[0])) {
            throw ProblemException.conflict("idempotency-key-reused",
                    "Idempotency-Key '" + key + "' was already used with a different request body");
        }
        Response.ResponseBuilder response = Response.status(((Number) row[1]).intValue())
                .header(REPLAYED_HEADER, "true");
        if (row[2] != null) {
            response.entity(row[2]).type(MediaType.APPLICATION_JSON);
        }
        if (row[3] != null) {
            response.location(URI.create((String) row[3]));
        }
        return response.build();
    }

    private void store(String scope, String key, Object result) throws Exception {
        if (!(result instanceof Response response)) {
            throw new IllegalStateException("@Idempotent methods must return a Response");
        }
        String body = response.getEntity() == null ? null
                : response.getEntity() instanceof String text ? text : json.writeValueAsString(response.getEntity());
        em.createNativeQuery("""
                update idempotency_record set response_status = ?1, response_body = ?2, response_location = ?3
                where scope = ?4 and idempotency_key = ?5""")
                .setParameter(1, response.getStatus())
                .setParameter(2, body)
                .setParameter(3, response.getLocation() == null ? null : response.getLocation().toString())
                .setParameter(4, scope).setParameter(5, key)
                .executeUpdate();
    }

    /**
     * The parts of the call that make up "the request": the body and path/query parameters. Injected context
     * objects and headers (including the key itself) are not part of it.
     */
    private static Object[] requestParts(InvocationContext ctx) {
        java.lang.reflect.Parameter[] declared = ctx.getMethod().getParameters();
        Object[] values = ctx.getParameters();
        java.util.List<Object> parts = new java.util.ArrayList<>();
        for (int i = 0; i < declared.length; i++) {
            java.lang.reflect.Parameter parameter = declared[i];
            String typePackage = parameter.getType().getPackageName();
            if (parameter.isAnnotationPresent(jakarta.ws.rs.core.Context.class)
                    || parameter.isAnnotationPresent(jakarta.ws.rs.HeaderParam.class)
                    || typePackage.startsWith("jakarta.ws.rs") || typePackage.startsWith("io.vertx")
                    || typePackage.startsWith("org.jboss.resteasy")) {
                continue;
            }
            parts.add(values[i] == null ? "null" : values[i]);
        }
        return parts.toArray();
    }

    private static Object proceed(InvocationContext ctx) {
        try {
            return ctx.proceed();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A digest of the request as the method received it: the same body gives the same digest whatever its key order. */
    private String hash(Object[] parameters) throws Exception {
        ObjectMapper mapper = canonical;
        if (mapper == null) {
            mapper = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
            canonical = mapper;
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (Object parameter : parameters) {
            byte[] bytes = parameter instanceof byte[] raw ? raw
                    : parameter instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                            : mapper.writeValueAsBytes(parameter);
            digest.update(bytes);
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static Idempotent binding(InvocationContext ctx) {
        Idempotent onMethod = ctx.getMethod().getAnnotation(Idempotent.class);
        if (onMethod != null) {
            return onMethod;
        }
        Idempotent onType = ctx.getMethod().getDeclaringClass().getAnnotation(Idempotent.class);
        if (onType != null) {
            return onType;
        }
        for (var annotation : ctx.getInterceptorBindings()) {
            if (annotation instanceof Idempotent idempotent) {
                return idempotent;
            }
        }
        throw new IllegalStateException("no @Idempotent binding on " + ctx.getMethod());
    }
}
