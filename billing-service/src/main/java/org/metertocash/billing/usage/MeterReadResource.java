package org.metertocash.billing.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

import io.quarkus.panache.common.Sort;

@Path("/meter-reads")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OPERATIONS, Roles.ADMIN })
@Tag(name = "usage")
public class MeterReadResource {

    /** A read; the interval values only when asked for ({@code intervals=true}). */
    public record ReadView(UUID id, String esiId, String meterNumber, String documentReference,
            String originalReference, MeterRead.Purpose purpose, LocalDate periodStart, LocalDate periodEnd,
            String readingQuality, boolean finalRead, BigDecimal totalKwh, BigDecimal demandKw, Instant intervalStart,
            Integer intervalMinutes, int intervalCount, List<BigDecimal> intervalKwh, MeterRead.Status status,
            UUID supersededBy, UUID ediTransactionId, Instant receivedAt) {
    }

    @GET
    @Operation(summary = "A premise's meter reads by service period, restated ones included with their status")
    public List<ReadView> list(@QueryParam("esiId") String esiId, @QueryParam("status") MeterRead.Status status,
            @QueryParam("intervals") @DefaultValue("false") boolean intervals) {
        if (esiId == null || esiId.isBlank()) {
            throw ProblemException.invalid("esiId", "is required");
        }
        List<MeterRead> reads = status == null
                ? MeterRead.list("esiId", Sort.by("periodStart").and("receivedAt"), esiId)
                : MeterRead.list("esiId = ?1 and status = ?2", Sort.by("periodStart").and("receivedAt"), esiId, status);
        return reads.stream().map(r -> new ReadView(r.id, r.esiId, r.meterNumber, r.documentReference,
                r.originalReference, r.purpose, r.periodStart, r.periodEnd, r.readingQuality, r.finalRead, r.totalKwh,
                r.demandKw, r.intervalStart, r.intervalMinutes, r.intervalCount,
                intervals && r.intervalKwh != null ? r.intervalKwh : null, r.status, r.supersededBy,
                r.ediTransactionId, r.receivedAt)).toList();
    }
}
