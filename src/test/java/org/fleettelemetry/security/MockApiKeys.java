package org.fleettelemetry.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Replaces the API key service, package-private, with a Mockito mock: for
 * {@link org.fleettelemetry.support.WebSliceTests}, which cannot name it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@MockitoBean(types = ApiKeys.class)
public @interface MockApiKeys {

}
