package org.metertocash.testkit;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * REST-assured requests as each local user (the embedded realm every service ships with; see the README's
 * users table). Without a base URI they go to the service under test; with one, to a running service.
 */
public final class Api {

    public static final String UPSTREAM_USER = "upstream";
    public static final String UPSTREAM_PASSWORD = "upstream-secret";
    public static final String OPERATIONS_USER = "ops";
    public static final String OPERATIONS_PASSWORD = "ops-secret";
    public static final String ADMIN_USER = "admin";
    public static final String ADMIN_PASSWORD = "admin-secret";

    public static RequestSpecification upstream() {
        return as(UPSTREAM_USER, UPSTREAM_PASSWORD);
    }

    public static RequestSpecification operations() {
        return as(OPERATIONS_USER, OPERATIONS_PASSWORD);
    }

    public static RequestSpecification admin() {
        return as(ADMIN_USER, ADMIN_PASSWORD);
    }

    /** An upstream request carrying a fresh Idempotency-Key. */
    public static RequestSpecification upstreamOnce() {
        return upstream().header("Idempotency-Key", UUID.randomUUID().toString());
    }

    public static RequestSpecification as(String user, String password) {
        return given().auth().preemptive().basic(user, password).contentType(ContentType.JSON);
    }

    private Api() {
    }
}
