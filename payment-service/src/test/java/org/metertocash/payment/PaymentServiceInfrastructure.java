package org.metertocash.payment;

import org.metertocash.testkit.RealInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs against a real PostgreSQL database "payment" and a real Kafka broker. */
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "payment"))
public class PaymentServiceInfrastructure {
}
