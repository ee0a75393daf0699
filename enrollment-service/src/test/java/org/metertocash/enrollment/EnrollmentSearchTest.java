package org.metertocash.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.metertocash.testkit.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** GET /enrollments: filters by state, ESI ID, product, created and start dates; paged, total in a header. */
@QuarkusTest
class EnrollmentSearchTest {

    @Inject
    Clock clock;

    @Test
    void enrollments_are_filtered_by_product_start_date_and_state_and_paged_newest_first_with_the_total() {
        String product = "SEARCH-" + System.nanoTime() % 1_000_000_000L;
        LocalDate today = LocalDate.now(clock);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> body = Requests.enrollment(Requests.newOncorEsiId());
            body.put("productCode", product);
            body.put("requestedStartDate", today.plusDays(10 + i).toString());
            ids.add(Requests.submit(body));
        }
        Api.upstreamOnce().body(Map.of("reason", "test")).post("/enrollments/" + ids.get(0) + "/cancel")
                .then().statusCode(200);

        Response first = Api.operations().queryParam("productCode", product).queryParam("size", 2).get("/enrollments");
        first.then().statusCode(200).header("X-Total-Count", "3").header("X-Page", "0").header("X-Page-Size", "2")
                .body("id", equalTo(List.of(ids.get(2), ids.get(1))));
        Api.operations().queryParam("productCode", product).queryParam("size", 2).queryParam("page", 1)
                .get("/enrollments").then().header("X-Total-Count", "3").body("id", equalTo(List.of(ids.get(0))));

        Api.operations().queryParam("productCode", product).queryParam("state", "CANCELLED").get("/enrollments")
                .then().header("X-Total-Count", "1").body("id", equalTo(List.of(ids.get(0))));
        Api.operations().queryParam("productCode", product).queryParam("state", "SUBMITTED")
                .queryParam("state", "CANCELLED").get("/enrollments").then().header("X-Total-Count", "3");
        Api.operations().queryParam("productCode", product).queryParam("startFrom", today.plusDays(11).toString())
                .queryParam("startTo", today.plusDays(11).toString()).get("/enrollments").then()
                .body("id", equalTo(List.of(ids.get(1))));
        Api.operations().queryParam("productCode", product).queryParam("startFrom", today.plusDays(11).toString())
                .get("/enrollments").then().body("id", equalTo(List.of(ids.get(2), ids.get(1))));
        Api.operations().queryParam("productCode", product).queryParam("createdFrom", today.toString())
                .queryParam("createdTo", today.toString()).get("/enrollments").then()
                .header("X-Total-Count", "3");
        Api.operations().queryParam("productCode", product).queryParam("createdTo", today.minusDays(1).toString())
                .get("/enrollments").then().header("X-Total-Count", "0").body("", hasSize(0));
        Api.operations().queryParam("productCode", product).queryParam("createdFrom", today.plusDays(1).toString())
                .get("/enrollments").then().header("X-Total-Count", "0");
    }

    @Test
    void the_esi_id_filter_returns_a_plain_array_of_that_premise() {
        String esiId = Requests.newOncorEsiId();
        String id = Requests.submit(Requests.enrollment(esiId));
        Requests.submit(Requests.enrollment(Requests.newOncorEsiId()));

        List<String> ids = Api.operations().queryParam("esiId", esiId).get("/enrollments").then().statusCode(200)
                .header("X-Total-Count", "1").extract().path("id");

        assertThat(ids).containsExactly(id);
    }

    @Test
    void rejected_enrollments_are_found_by_their_reject_reason() {
        try (Market market = new Market()) {
            String code = "Z" + (System.nanoTime() % 100_000);
            String esiId = Requests.newOncorEsiId();
            String rejected = market.rejected(esiId, code).toString();
            market.rejected(Requests.newOncorEsiId(), "A13");

            Api.operations().queryParam("state", "REJECTED").queryParam("rejectionCode", code).get("/enrollments")
                    .then().body("id", equalTo(List.of(rejected))).body("[0].rejection.code", equalTo(code));
        }
    }

    @Test
    void bad_filters_are_problems_naming_the_parameter() {
        Api.operations().queryParam("state", "SLEEPING").get("/enrollments").then().statusCode(400)
                .contentType("application/problem+json");
        Api.operations().queryParam("size", 0).get("/enrollments").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("size"));
    }
}
