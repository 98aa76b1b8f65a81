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
	PublicRead fleetSummaryRead(FleetController fleet) {
		return new PublicRead(FleetController.PATH + FleetController.SUMMARY, fleet::summary);
	}

	@Bean
	PublicRead fleetCountriesRead(FleetController fleet) {
		return new PublicRead(FleetController.PATH + FleetController.COUNTRIES, fleet::countries);
	}

}
