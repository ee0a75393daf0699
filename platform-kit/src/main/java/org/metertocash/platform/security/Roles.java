package org.metertocash.platform.security;

/**
 * The three roles. Every endpoint names the roles it admits; an endpoint without an annotation is denied
 * ({@code quarkus.security.jaxrs.deny-unannotated-endpoints=true}).
 */
public final class Roles {
    /** Systems that post enrollments, payments and market files. */
    public static final String UPSTREAM = "upstream";
    /** Billing operations analysts: read status, work the queues. */
    public static final String OPERATIONS = "operations";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
