package io.paysuite.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Dubbo method that changes nothing: a consumer may repeat it freely, so it is the only
 * kind of method a reference may give {@code retries > 0} (docs/consumers.md, "Retries").
 *
 * <p>Every unmarked method is a write and is referred with {@code retries = 0}: a write that timed
 * out may have happened, and only its caller, under the same business key and after a query, may
 * decide to repeat it — never the RPC layer behind its back. The service-kit's
 * {@code DubboConventions} rule reads this mark.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ReadOnly {
}
