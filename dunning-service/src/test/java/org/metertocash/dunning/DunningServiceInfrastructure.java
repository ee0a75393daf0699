package org.metertocash.dunning;

import org.metertocash.testkit.RealInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/** Every test of this module runs against a real PostgreSQL database "dunning" and a real Kafka broker. */
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "dunning"))
public class DunningServiceInfrastructure {
}
