package org.fleettelemetry.webhooks;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.fleettelemetry.milestones.MilestoneReached;
import org.fleettelemetry.milestones.MilestoneView;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox: writes a fired milestone's webhook event, and one pending
 * delivery per registered endpoint, in the transaction that fired it. Nothing is sent
 * here: the dispatcher sends after commit, so a rollback sends nothing and a crash after
 * commit only delays a delivery. Writing the same event twice changes nothing.
 */
@Component
class WebhookOutbox {

	static final String TYPE = "milestone.reached";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	WebhookOutbox(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * A new event's {@code webhook-id}, kept with the event so that it is the same on
	 * every attempt, to every endpoint: random, so that no other event anywhere has it. A
	 * counter of one database ({@code msg_1}, ...) started again when a database was
	 * recreated, and two fleets sending to one receiver shared it, so a receiver that
	 * drops the ids it has seen dropped real events.
	 */
	static String newEventId() {
		return "msg_" + UUID.randomUUID().toString().replace("-", "");
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(MilestoneReached milestone) {
		String id = newEventId();
		String body = this.json.writeValueAsString(new Payload(TYPE, milestone.reachedAt(), milestone.view()));
		this.jdbc.sql("""
				insert into webhook_events (id, type, payload, created_at) values (?, ?, ?, now())""")
			.params(id, TYPE, body)
			.update();
		this.jdbc.sql("""
				insert into webhook_deliveries (webhook_id, event_id, next_attempt_at)
				select id, ?, now() from webhooks on conflict do nothing""").param(id).update();
	}

	/**
	 * The body of a delivery, as the Standard Webhooks specification shapes it.
	 *
	 * @param type the event type
	 * @param timestamp when the event happened: the milestone's commit
	 * @param data the milestone
	 */
	record Payload(String type, Instant timestamp, Data data) {

		Payload(String type, Instant timestamp, MilestoneView view) {
			this(type, timestamp, new Data(view.scope().name(), view.vin(), view.distanceKm(), view.reachedAt(),
					view.fleetDistanceKm()));
		}

	}

	/**
	 * A milestone in a delivery.
	 *
	 * @param scope {@code FLEET} or {@code VEHICLE}
	 * @param vin the vehicle whose report crossed it
	 * @param distanceKm the threshold
	 * @param reachedAt when the crossing committed
	 * @param fleetDistanceKm the fleet's distance right after
	 */
	record Data(String scope, String vin, long distanceKm, Instant reachedAt, BigDecimal fleetDistanceKm) {
	}

}
