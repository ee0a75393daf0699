package org.metertocash.edi.files;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.edi.transactions.Direction;
import org.metertocash.edi.transactions.EdiTransaction;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

@Path("/edi/files")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.UPSTREAM, Roles.OPERATIONS, Roles.ADMIN })
@Tag(name = "edi")
public class FileResource {

    public record FileView(UUID id, Direction direction, String fileName, String sha256, int sizeBytes,
            EdiFile.Source source, EdiFile.Status status, String error, Instant createdAt, Instant deliveredAt,
            String deliveredPath, List<UUID> transactions) {
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A file's metadata and the transactions read from it or written into it")
    public FileView get(@PathParam("id") UUID id) {
        EdiFile file = find(id);
        List<UUID> transactions = EdiTransaction.<EdiTransaction> list("fileId = ?1 order by createdAt", id).stream()
                .map(t -> t.id).toList();
        return new FileView(file.id, file.direction, file.fileName, file.sha256, file.sizeBytes, file.source,
                file.status, file.error, file.createdAt, file.deliveredAt, file.deliveredPath, transactions);
    }

    @GET
    @Path("/{id}/content")
    @Produces("application/edi-x12")
    @Operation(summary = "The file exactly as received or sent")
    public Response content(@PathParam("id") UUID id) {
        EdiFile file = find(id);
        return Response.ok(file.content, "application/edi-x12")
                .header("Content-Disposition", "attachment; filename=\""
                        + (file.fileName == null ? file.id + ".x12" : file.fileName) + "\"")
                .build();
    }

    private static EdiFile find(UUID id) {
        EdiFile file = EdiFile.findById(id);
        if (file == null) {
            throw ProblemException.notFound("No EDI file " + id);
        }
        return file;
    }
}
