package org.fleettelemetry.webhooks;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The pending deliveries, claimed by the dispatchers of every instance without ever
 * handing the same attempt to two of them.
 */
@Repository
class DeliveryQueue {

	private static final int MAX_ERROR = 500;

	private final JdbcClient jdbc;

	DeliveryQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims up to {@code limit} due deliveries: counts their attempt and pushes their
	 * next attempt a lease ahead, in one statement. Rows another instance is claiming are
	 * skipped, and a claimed row is no longer due, so no other instance sends this
	 * attempt; should its sender die, the lease runs out and the delivery is retried.
	 */
	List<Claimed> claim(int limit, Duration lease) {
		return this.jdbc
			.sql("""
					update webhook_deliveries d
					set attempts = d.attempts + 1, last_attempt_at = now(), next_attempt_at = now() + ? * interval '1 millisecond'
					from (select webhook_id, event_id from webhook_deliveries
					      where status = 'PENDING' and next_attempt_at <= now()
					      order by next_attempt_at limit ? for update skip locked) due, webhooks w, webhook_events e
					where d.webhook_id = due.webhook_id and d.event_id = due.event_id
					  and w.id = d.webhook_id and e.id = d.event_id
					returning d.webhook_id, d.event_id, d.attempts, w.url, w.secret, e.payload""")
			.params(lease.toMillis(), limit)
			.query((rs, i) -> new Claimed(rs.getObject("webhook_id", UUID.class), rs.getString("event_id"),
					rs.getInt("attempts"), rs.getString("url"), rs.getString("secret"), rs.getString("payload")))
			.list();
	}

	/**
	 * Records a 2xx: from now on no instance sends this event to this endpoint again.
	 */
	void delivered(Claimed delivery, int status) {
		this.jdbc.sql("""
				update webhook_deliveries set status = 'DELIVERED', last_status = ?, last_error = null
				where webhook_id = ? and event_id = ?""")
			.params(status, delivery.webhookId(), delivery.eventId())
			.update();
	}

	/**
	 * Records a failed attempt: the delivery is due again {@code retryAfter} from now, by
	 * the database's clock like every due time (instances' clocks may differ), or,
	 * without one, failed for good. Ignored when the delivery was redelivered meanwhile.
	 */
	void failed(Claimed delivery, Integer status, String error, Duration retryAfter) {
		this.jdbc.sql("""
				update webhook_deliveries set status = ?,
				    next_attempt_at = coalesce(now() + ?::bigint * interval '1 millisecond', next_attempt_at),
				    last_status = ?, last_error = ?
				where webhook_id = ? and event_id = ? and status = 'PENDING' and attempts = ?""")
			.params((retryAfter != null) ? "PENDING" : "FAILED", (retryAfter != null) ? retryAfter.toMillis() : null,
					status, (error != null && error.length() > MAX_ERROR) ? error.substring(0, MAX_ERROR) : error,
					delivery.webhookId(), delivery.eventId(), delivery.attempts())
			.update();
	}

	long pending() {
		return this.jdbc.sql("select count(*) from webhook_deliveries where status = 'PENDING'")
			.query(Long.class)
			.single();
	}

	/**
	 * A claimed attempt of one delivery, with what sending it takes.
	 *
	 * @param webhookId the endpoint
	 * @param eventId the event, sent as {@code webhook-id}
	 * @param attempts this attempt's number
	 * @param url where to send it
	 * @param secret the endpoint's signing secret
	 * @param payload the body
	 */
	record Claimed(UUID webhookId, String eventId, int attempts, String url, String secret, String payload) {
	}

}
