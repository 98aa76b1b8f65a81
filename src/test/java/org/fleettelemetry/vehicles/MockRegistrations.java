package org.fleettelemetry.vehicles;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * Replaces the vehicle registrations and daily series, package-private, with Mockito
 * mocks: for {@link org.fleettelemetry.support.WebSliceTests}, which cannot name them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@MockitoBean(types = { Registrations.class, VehicleDays.class })
public @interface MockRegistrations {

}
