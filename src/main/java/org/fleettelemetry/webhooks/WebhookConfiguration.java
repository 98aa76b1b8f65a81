package org.fleettelemetry.webhooks;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the webhook dispatcher on a schedule.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class WebhookConfiguration {

}
