package org.metertocash.platform.refused;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One write request the service refused as bad input, kept with what was sent and the answer it got. */
@Entity
@Table(name = "refused_request")
public class RefusedRequest {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String method;

    @Column(nullable = false)
    public String path;

    public String query;

    @Column(name = "content_type")
    public String contentType;

    /** The body as sent (UTF-8), up to {@code platform.refused-requests.max-body-bytes}. */
    public String body;

    /** The body's full length in bytes. */
    @Column(name = "body_bytes", nullable = false)
    public int bodyBytes;

    @Column(name = "body_truncated", nullable = false)
    public boolean bodyTruncated;

    /** The authenticated caller, or {@code anonymous}. */
    @Column(nullable = false)
    public String caller;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "correlation_id")
    public String correlationId;

    /** The HTTP status the caller was answered with. */
    @Column(nullable = false)
    public int status;

    /** The problem+json document the caller was answered with. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String problem;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;
}
