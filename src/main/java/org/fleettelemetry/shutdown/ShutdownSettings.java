package org.fleettelemetry.shutdown;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service stops.
 *
 * @param drainPeriod how long the service goes on serving after SIGTERM, its readiness
 * already DOWN, before the web server stops taking requests: long enough for a load
 * balancer to see the readiness probe fail and stop sending; 0 stops at once
 */
@ConfigurationProperties("fleet.shutdown")
record ShutdownSettings(@DefaultValue("5s") Duration drainPeriod) {

}
