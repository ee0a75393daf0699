package org.metertocash.billing.product;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.metertocash.billing.product.ProductDefinition.BandTerms;
import org.metertocash.billing.product.ProductDefinition.EnergyChargeTerms;
import org.metertocash.billing.product.ProductDefinition.PrepayTerms;
import org.metertocash.billing.rating.ElectricityFactsLabel;
import org.metertocash.billing.rating.TduTariff;
import org.metertocash.billing.tariff.TduTariffs;
import org.metertocash.contracts.common.BillingType;
import org.metertocash.platform.idempotency.Idempotent;
import org.metertocash.platform.problem.ProblemException;
import org.metertocash.platform.security.Roles;

import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/products")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "products")
public class ProductResource {

    public record ProductView(String code, String name, BillingType billingType, int termMonths, String tdu,
            EnergyChargeTerms energyCharge, BigDecimal baseCharge, BigDecimal dailyCharge, List<BandTerms> fees,
            List<BandTerms> credits, PrepayTerms prepay, Instant createdAt, String createdBy) {

        static ProductView of(Product product) {
            ProductDefinition d = product.definition;
            return new ProductView(product.code, d.name(), d.billingType(), d.termMonths(), d.tdu(), d.energyCharge(),
                    d.baseCharge(), d.dailyCharge(), d.fees() == null ? List.of() : d.fees(),
                    d.credits() == null ? List.of() : d.credits(), d.prepay(), product.createdAt, product.createdBy);
        }
    }

    /** The EFL averages of a product on a date, with the TDU tariff version in force then. */
    public record EflView(String productCode, String productName, String tdu, LocalDate asOf, TduTariff tariff,
            List<ElectricityFactsLabel.Average> averages) {
    }

    @Inject
    ProductCatalog catalog;

    @Inject
    TduTariffs tariffs;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Idempotent
    @Operation(summary = "Create a product (201); the same product posted again is answered 200, a product code with other content 409 — products never change")
    public Response create(ProductDefinition definition,
            @Parameter(description = "Repeat a request with the same key to get the first answer back")
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        ProductCatalog.Created created = catalog.create(definition, identity.getPrincipal().getName());
        ProductView view = ProductView.of(created.product());
        return created.created()
                ? Response.created(URI.create("/products/" + view.code())).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @RolesAllowed({ Roles.UPSTREAM, Roles.OPERATIONS, Roles.ADMIN })
    @Operation(summary = "Products by code, optionally of one TDU or billing type")
    public List<ProductView> list(@QueryParam("tdu") String tdu, @QueryParam("billingType") String billingType) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (tdu != null && !tdu.isBlank()) {
            query.append(" and tdu = :tdu");
            params.put("tdu", tdu);
        }
        if (billingType != null && !billingType.isBlank()) {
            try {
                params.put("billingType", BillingType.valueOf(billingType));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("billingType", "must be POSTPAY or PREPAY");
            }
            query.append(" and billingType = :billingType");
        }
        return Product.<Product> find(query.toString(), Sort.by("code"), params).stream().map(ProductView::of)
                .toList();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.UPSTREAM, Roles.OPERATIONS, Roles.ADMIN })
    @Operation(summary = "One product with its price components")
    public ProductView get(@PathParam("code") String code) {
        return ProductView.of(product(code));
    }

    @GET
    @Path("/{code}/efl")
    @RolesAllowed({ Roles.UPSTREAM, Roles.OPERATIONS, Roles.ADMIN })
    @Operation(summary = "The Electricity Facts Label averages: price per kWh at 500, 1000 and 2000 kWh, as printed (0.1¢, half-up) and unrounded, with every component; taxes excluded")
    public EflView efl(@PathParam("code") String code,
            @Parameter(description = "The date whose TDU tariff applies (YYYY-MM-DD); today when absent") @QueryParam("asOf") String asOfText) {
        LocalDate asOf;
        try {
            asOf = asOfText == null || asOfText.isBlank() ? LocalDate.now(clock) : LocalDate.parse(asOfText);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("asOf", "must be a date (YYYY-MM-DD)");
        }
        Product product = product(code);
        TduTariff tariff = tariffs.inForce(product.tdu, asOf).orElseThrow(() -> ProblemException.notFound(
                "No " + product.tdu + " delivery tariff was in force on " + asOf));
        return new EflView(product.code, product.name, product.tdu, asOf, tariff,
                ElectricityFactsLabel.averages(product.definition.ratePlan(), tariff));
    }

    private Product product(String code) {
        return catalog.find(code).orElseThrow(() -> ProblemException.notFound("No product " + code));
    }
}
