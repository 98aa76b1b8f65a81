/**
 * Webhooks: registered endpoints, and delivery of milestone events from an outbox as
 * Standard Webhooks, retried with backoff across restarts and instances.
 */
@NullMarked
package org.fleettelemetry.webhooks;

import org.jspecify.annotations.NullMarked;
