package org.metertocash.e2e;

import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.platform.PlatformService;

/** What operations look at first: every service reaches its database and the broker. */
@ExtendWith(RunningPlatform.class)
class ServiceStatusIT {

    @ParameterizedTest
    @EnumSource(PlatformService.class)
    void the_service_reports_its_database_and_the_broker_reachable(PlatformService service) {
        RunningPlatform.as(service, Api.operations()).get("/status").then().statusCode(200)
                .body("service", equalTo(service.module()))
                .body("database.reachable", equalTo(true))
                .body("broker.reachable", equalTo(true));
        RunningPlatform.as(service, Api.operations()).get("/q/health/ready").then().statusCode(200);
    }
}
