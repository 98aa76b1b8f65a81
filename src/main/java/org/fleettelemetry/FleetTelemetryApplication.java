package org.fleettelemetry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;

/**
 * Counts how far an electric fleet has driven, and the CO2 that saved.
 */
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class FleetTelemetryApplication {

	public static void main(String[] args) {
		SpringApplication.run(FleetTelemetryApplication.class, args);
	}

}
