package org.fleettelemetry.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the web layer.
 *
 * @param fastPath whether the busiest endpoints (single reports, the fleet summary and
 * country figures) are answered by servlet filters without Spring MVC's dispatch; the
 * answers are the same either way
 */
@ConfigurationProperties("fleet.web")
record WebSettings(@DefaultValue("true") boolean fastPath) {
}
