package org.metertocash.billing.product;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.metertocash.billing.rating.RatePlan;
import org.metertocash.billing.tariff.TduTariffs;
import org.metertocash.platform.problem.FieldError;
import org.metertocash.platform.problem.ProblemException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Creates products and finds their price sheets. A product never changes: posting a code again with the same
 * content answers with the product as it is; with different content it is refused (409) — new prices are a new
 * product code, so every bill rated on a code was rated on the same prices.
 */
@ApplicationScoped
public class ProductCatalog {

    @Inject
    TduTariffs tariffs;

    @Inject
    ProductConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** The product, and whether this call created it (false: the same product was already there). */
    public record Created(Product product, boolean created) {
    }

    @Transactional
    public Created create(ProductDefinition definition, String actor) {
        List<FieldError> errors = ProductValidation.check(definition, tariffs::known,
                config.prepay().maxDisconnectionBalance(), config.prepay().maxConnectionBalance());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        Product existing = Product.findById(definition.code());
        if (existing != null) {
            if (sameContent(existing.definition, definition)) {
                return new Created(existing, false);
            }
            throw ProblemException.conflict("product-immutable", "Product " + definition.code()
                    + " exists with other content; a product never changes — create the new prices under a new code");
        }
        Product product = new Product();
        product.code = definition.code();
        product.name = definition.name();
        product.billingType = definition.billingType();
        product.termMonths = definition.termMonths();
        product.tdu = definition.tdu();
        product.definition = definition;
        product.createdAt = clock.instant();
        product.createdBy = actor;
        product.persist();
        return new Created(product, true);
    }

    public Optional<Product> find(String code) {
        return Product.findByIdOptional(code);
    }

    /** The price sheet of a product, for rating. */
    public Optional<RatePlan> ratePlan(String code) {
        return find(code).map(product -> product.definition.ratePlan());
    }

    /** Equal as JSON, numbers by value: 10.0 and 10.00 are the same price. */
    boolean sameContent(ProductDefinition a, ProductDefinition b) {
        ObjectMapper exact = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        try {
            JsonNode left = exact.readTree(exact.writeValueAsString(a));
            JsonNode right = exact.readTree(exact.writeValueAsString(b));
            return left.equals((x, y) -> x.isNumber() && y.isNumber()
                    ? x.decimalValue().compareTo(y.decimalValue())
                    : x.equals(y) ? 0 : 1, right);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
