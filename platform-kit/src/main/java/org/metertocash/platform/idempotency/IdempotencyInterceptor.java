package org.metertocash.platform.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.Clock;
import java.time.ZoneOffset;
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

import org.hibernate.Session;
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
 * that fails rolls its key back so it can be retried. Two JDBC statements per new key (the row, then its response)
 * on the transaction's connection; the response body is serialised once, for the row and for the caller.
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
            if (!claim(scope, key, hash)) {
                return replay(scope, key, hash);
            }
            Object result = proceed(ctx);
            return store(scope, key, result);
        });
    }

    /** Inserts the key's row (response still unknown); false when the key is taken. One JDBC statement. */
    private boolean claim(String scope, String key, String hash) {
        int[] inserted = new int[1];
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into idempotency_record (scope, idempotency_key, request_hash, response_status, created_at)
                    values (?, ?, ?, 0, ?) on conflict do nothing""")) {
                insert.setString(1, scope);
                insert.setString(2, key);
                insert.setString(3, hash);
                insert.setObject(4, clock.instant().atOffset(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
                inserted[0] = insert.executeUpdate();
            }
        });
        return inserted[0] == 1;
    }

    private Object replay(String scope, String key, String hash) {
        Object[] row = new Object[4];
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select request_hash, response_status, response_body, response_location
                    from idempotency_record where scope = ? and idempotency_key = ?""")) {
                select.setString(1, scope);
                select.setString(2, key);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("idempotency record " + scope + " " + key + " vanished");
                    }
                    row[0] = rs.getString(1);
                    row[1] = rs.getInt(2);
                    row[2] = rs.getString(3);
                    row[3] = rs.getString(4);
                }
            }
        });
        if (!hash.equals(row[0])) {
            throw ProblemException.conflict("idempotency-key-reused",
                    "Idempotency-Key '" + key + "' was already used with a different request body");
        }
        Response.ResponseBuilder response = Response.status((Integer) row[1])
                .header(REPLAYED_HEADER, "true");
        if (row[2] != null) {
            response.entity(row[2]).type(MediaType.APPLICATION_JSON);
        }
        if (row[3] != null) {
            response.location(URI.create((String) row[3]));
        }
        return response.build();
    }

    /**
     * Stores the response with its key (one JDBC statement) and returns it with the body as the JSON text stored, so
     * that the entity is serialised once: what the first caller receives is byte for byte what a repeat replays.
     */
    private Object store(String scope, String key, Object result) throws Exception {
        if (!(result instanceof Response response)) {
            throw new IllegalStateException("@Idempotent methods must return a Response");
        }
        Object entity = response.getEntity();
        String body = entity == null ? null : entity instanceof String text ? text : json.writeValueAsString(entity);
        String location = response.getLocation() == null ? null : response.getLocation().toString();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("""
                    update idempotency_record set response_status = ?, response_body = ?, response_location = ?
                    where scope = ? and idempotency_key = ?""")) {
                update.setInt(1, response.getStatus());
                update.setString(2, body);
                update.setString(3, location);
                update.setString(4, scope);
                update.setString(5, key);
                update.executeUpdate();
            }
        });
        MediaType type = response.getMediaType();
        if (entity == null || entity instanceof String
                || (type != null && !type.isCompatible(MediaType.APPLICATION_JSON_TYPE))) {
            return response;
        }
        return Response.fromResponse(response).entity(body).type(MediaType.APPLICATION_JSON).build();
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
