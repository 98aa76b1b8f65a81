package org.fleettelemetry.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * What the web slices ({@link WebSliceTests}) need besides the web layer: a clock, fixed
 * so that default date ranges are known, and a meter registry for the filters that time
 * requests.
 */
@TestConfiguration(proxyBeanMethods = false)
public class WebSliceConfiguration {

	/** The instant the web slices run at. */
	public static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

	@Bean
	Clock clock() {
		return Clock.fixed(NOW, ZoneOffset.UTC);
	}

	@Bean
	MeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

}
