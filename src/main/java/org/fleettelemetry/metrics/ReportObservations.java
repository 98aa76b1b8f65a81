package org.fleettelemetry.metrics;

import io.micrometer.observation.ObservationPredicate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Report requests are timed by {@code telemetry_ingest_seconds}
 * ({@link IngestTimingFilter}), so they skip the generic {@code http.server.requests}
 * observation: on the busiest path, that observation cost more CPU than the crediting
 * itself. Every other request is observed as usual.
 */
@Configuration(proxyBeanMethods = false)
class ReportObservations {

	/**
	 * The endpoint is the one {@link IngestTimingFilter}, which runs first, found for the
	 * request.
	 */
	@Bean
	ObservationPredicate reportRequestsTimedOnce() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext server
				&& server.getCarrier().getAttribute(IngestTimingFilter.ENDPOINT) != null);
	}

}
