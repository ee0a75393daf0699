package org.metertocash.edi.inbound;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.edi.files.EdiFile;
import org.metertocash.platform.idempotency.Idempotent;
import org.metertocash.platform.problem.Problem;
import org.metertocash.platform.security.Roles;

@Path("/edi/inbound")
@Tag(name = "edi")
public class InboundResource {

    /** A problem that also says where the stored file is and what was read of it. */
    public record IntakeProblem(String type, String title, int status, String detail, String instance,
            IntakeResult result) {
    }

    @Inject
    InboundIntake intake;

    @POST
    @Consumes({ "application/edi-x12", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM })
    @Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
    @RolesAllowed({ Roles.UPSTREAM, Roles.ADMIN })
    @Idempotent(required = false)
    @Operation(summary = "Receive a market file (raw X12). Stored before it is read; 202 when every transaction was "
            + "applied (or the interchange had already been received), 422 problem+json otherwise")
    public Response receive(byte[] body, @QueryParam("fileName") String fileName,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        IntakeResult result = intake.receive(body, fileName, EdiFile.Source.API);
        URI location = URI.create("/edi/files/" + result.fileId());
        if (result.clean()) {
            return Response.accepted(result).location(location).type(MediaType.APPLICATION_JSON).build();
        }
        String detail = result.error() != null ? result.error()
                : "file " + result.fileId() + " was stored; some of its content was rejected or could not be applied";
        return Response.status(422).location(location).type(Problem.MEDIA_TYPE)
                .entity(new IntakeProblem("urn:metertocash:problem:edi-rejected", "EDI file rejected", 422, detail,
                        "/edi/inbound", result))
                .build();
    }
}
