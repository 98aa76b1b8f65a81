package org.fleettelemetry.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the web layer.
 *
 * @param fastPath whether the busiest endpoints (single reports, the fleet summary and
 * country figures) are answered by servlet filters without Spring MVC's dispatch; the
 * answers are the same either way
 * @param cors which other origins browsers may call from
 */
@ConfigurationProperties("fleet.web")
record WebSettings(@DefaultValue("true") boolean fastPath, @DefaultValue Cors cors) {

	/**
	 * Cross-origin calls from browsers. The public reads allow every origin whatever this
	 * says.
	 *
	 * @param allowedOrigins the origins (such as {@code https://dashboard.example.com})
	 * that may call the other endpoints from a browser; none by default
	 */
	record Cors(@DefaultValue List<String> allowedOrigins) {
	}

}
