package org.metertocash.platform.refused;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.metertocash.testkit.Api;
import org.metertocash.testkit.RealInfrastructure;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Bad input loses nothing: a write request refused with problem+json is kept with its body, caller and answer, and
 * raises a REFUSED_REQUEST work item; an accepted one is not kept, and an excluded path keeps its own.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "kit"))
class RefusedRequestsTest {

    @Test
    void a_refused_request_is_kept_with_its_body_and_the_problem_and_raises_a_work_item() {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"" + key + "\",\"quantity\":0}";
        Api.upstream().header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/test/refusals").then().statusCode(400).body("errors[0].field", equalTo("quantity"));

        JsonPath kept = keptWith(key);
        assertThat(kept.getString("method")).isEqualTo("POST");
        assertThat(kept.getString("path")).isEqualTo("/test/refusals");
        assertThat(kept.getString("body")).isEqualTo(body);
        assertThat(kept.getInt("bodyBytes")).isEqualTo(body.length());
        assertThat(kept.getBoolean("bodyTruncated")).isFalse();
        assertThat(kept.getString("caller")).isEqualTo("upstream");
        assertThat(kept.getInt("status")).isEqualTo(400);
        assertThat(kept.getString("problem.errors[0].reason")).isEqualTo("must be a positive number");

        String id = kept.getString("id");
        Api.operations().get("/refused-requests/" + id).then().statusCode(200).body("body", equalTo(body));
        List<Map<String, Object>> items = Api.operations().queryParam("type", RefusedRequests.REFUSED_REQUEST)
                .get("/exceptions").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.reference == '" + id + "' }");
        assertThat(items).hasSize(1);
        assertThat((String) items.get(0).get("summary")).contains("POST /test/refusals", "quantity must be a positive");
    }

    @Test
    void malformed_json_is_kept_as_it_was_sent() {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"" + key + "\",\"quantity\":";
        Api.upstream().header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/test/refusals").then().statusCode(400);
        assertThat(keptWith(key).getString("body")).isEqualTo(body);
    }

    @Test
    void an_accepted_request_is_not_kept_and_an_excluded_path_keeps_its_own() {
        String accepted = UUID.randomUUID().toString();
        Api.upstream().header("Idempotency-Key", accepted).contentType("application/json")
                .body("{\"name\":\"" + accepted + "\",\"quantity\":2}").post("/test/refusals").then().statusCode(200);
        String excluded = UUID.randomUUID().toString();
        Api.upstream().header("Idempotency-Key", excluded).contentType("text/plain").body("anything")
                .post("/test/refusals/kept-elsewhere").then().statusCode(400);
        // a later refusal is kept: by the time it is listed, the two before it would have been too
        String later = UUID.randomUUID().toString();
        Api.upstream().header("Idempotency-Key", later).contentType("application/json")
                .body("{\"quantity\":-1}").post("/test/refusals").then().statusCode(400);
        keptWith(later);
        List<String> keys = Api.operations().get("/refused-requests?limit=1000").then().statusCode(200).extract()
                .jsonPath().getList("idempotencyKey");
        assertThat(keys).doesNotContain(accepted, excluded);
    }

    @Test
    void a_long_body_is_kept_truncated_with_its_full_length() {
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"" + "x".repeat(3000) + "\",\"quantity\":0}";
        Api.upstream().header("Idempotency-Key", key).contentType("application/json").body(body)
                .post("/test/refusals").then().statusCode(400);
        JsonPath kept = keptWith(key);
        assertThat(kept.getBoolean("bodyTruncated")).isTrue();
        assertThat(kept.getInt("bodyBytes")).isEqualTo(body.length());
        assertThat(kept.getString("body")).hasSize(2048).isEqualTo(body.substring(0, 2048));
    }

    private static JsonPath keptWith(String idempotencyKey) {
        List<Map<String, Object>> found = Api.operations().get("/refused-requests?path=/test/refusals&limit=1000")
                .then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.idempotencyKey == '" + idempotencyKey + "' }");
        assertThat(found).as("refused requests with key %s", idempotencyKey).hasSize(1);
        return new JsonPath(Api.operations().get("/refused-requests/" + found.get(0).get("id")).then()
                .statusCode(200).extract().asString());
    }
}
