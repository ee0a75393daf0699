package org.metertocash.platform.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * A mutating REST method that takes an {@code Idempotency-Key} header. The first call's response is stored in
 * the same transaction as its effect; a repeat with the same body gets that response again, the same key with
 * a different body gets 409. The method must return a {@link jakarta.ws.rs.core.Response}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface Idempotent {

    /** Whether a call without the header is refused (400). */
    @Nonbinding
    boolean required() default true;
}
