package org.fleettelemetry.fleet;

import org.fleettelemetry.web.PublicRead;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The fleet figures that every dashboard polls, answered ahead of the filter chain
 * ({@link org.fleettelemetry.web.PublicReadFilter}) with what {@link FleetController}
 * answers.
 */
@Configuration(proxyBeanMethods = false)
class FleetPublicReads {

	@Bean
	PublicRead fleetSummaryRead(SharedFigures shared) {
		return new PublicRead(FleetController.PATH + FleetController.SUMMARY, () -> shared.summary().body());
	}

	@Bean
	PublicRead fleetCountriesRead(SharedFigures shared) {
		return new PublicRead(FleetController.PATH + FleetController.COUNTRIES, shared::countries);
	}

}
