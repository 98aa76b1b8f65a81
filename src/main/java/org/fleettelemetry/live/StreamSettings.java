package org.fleettelemetry.live;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the stream of the fleet figures ({@code GET /api/v1/fleet/stream}).
 *
 * @param interval how often an instance reads the figures for all its subscribers, and so
 * the most often a subscriber is told of a change
 * @param maxSubscribers how many subscribers one instance serves at most; beyond, a
 * subscription is answered 503
 * @param heartbeat the longest an idle stream stays silent: then a comment line keeps
 * proxies from closing it and tells the subscriber the stream is alive
 */
@ConfigurationProperties("fleet.stream")
@Validated
record StreamSettings(@NotNull @DefaultValue("1s") Duration interval,
		@Min(0) @Max(100_000) @DefaultValue("1000") int maxSubscribers,
		@NotNull @DefaultValue("15s") Duration heartbeat) {
}
