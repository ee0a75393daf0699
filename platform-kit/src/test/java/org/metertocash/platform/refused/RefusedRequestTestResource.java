package org.metertocash.platform.refused;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

/** Endpoints that refuse, for RefusedRequestsTest. */
@Path("/test/refusals")
@RolesAllowed({ Roles.UPSTREAM, Roles.ADMIN })
public class RefusedRequestTestResource {

    public record Order(String name, Integer quantity) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Order order(Order order) {
        if (order.quantity() == null || order.quantity() <= 0) {
            throw ProblemException.invalid("quantity", "must be a positive number");
        }
        return order;
    }

    @POST
    @Path("/kept-elsewhere")
    @Consumes(MediaType.TEXT_PLAIN)
    public String keptElsewhere(String body) {
        throw ProblemException.invalid("body", "never good enough");
    }
}
