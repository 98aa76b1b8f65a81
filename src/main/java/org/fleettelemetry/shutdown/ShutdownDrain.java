package org.fleettelemetry.shutdown;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Holds the shutdown for {@code fleet.shutdown.drain-period} while the service still
 * serves. By then readiness is {@code REFUSING_TRAFFIC} (Spring Boot says so as the
 * context starts to close, and {@code /actuator/health/readiness} answers 503 DOWN), so a
 * load balancer that probes it stops sending; a request it sent meanwhile is answered as
 * ever. Only then do the lifecycles stop, in their order: the live streams end, the web
 * server stops taking requests and lets those in flight finish, the group commit's
 * writers commit what is queued, and the database closes last.
 * <p>
 * Without the drain, a balancer still sending for the few seconds until its next probe
 * saw connections refused or cut (about 12 requests a SIGTERM without an answer).
 * Listening to the close event, first of its listeners, rather than being a lifecycle: it
 * must come before every lifecycle stops, and before the task executors stop taking work.
 */
@Component
class ShutdownDrain {

	private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

	private final ShutdownSettings settings;

	ShutdownDrain(ShutdownSettings settings) {
		this.settings = settings;
	}

	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void drain(ContextClosedEvent event) {
		if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null
				|| this.settings.drainPeriod().isZero()) {
			return;
		}
		log.info("Not ready any more; still serving for {} before the web server stops", this.settings.drainPeriod());
		try {
			Thread.sleep(this.settings.drainPeriod().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
