package org.fleettelemetry.webhooks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.fleettelemetry.shared.Cursor;
import org.fleettelemetry.shared.ErrorCode;
import org.fleettelemetry.shared.FleetException;
import org.fleettelemetry.shared.Page;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registered endpoints and their deliveries, for the admin.
 */
@Service
class Webhooks {

	private static final String DELIVERY_ORDER = "queuedAt";

	private final JdbcClient jdbc;

	private final WebhookUrls urls;

	private final Clock clock;

	Webhooks(JdbcClient jdbc, WebhookUrls urls, Clock clock) {
		this.jdbc = jdbc;
		this.urls = urls;
		this.clock = clock;
	}

	WebhookViews.WebhookCreated register(String url) {
		String checked = this.urls.check(url).toString();
		UUID id = UUID.randomUUID();
		String secret = WebhookSignature.newSecret();
		this.jdbc.sql("insert into webhooks (id, url, secret, created_at) values (?, ?, ?, ?)")
			.params(id, checked, secret, Timestamp.from(this.clock.instant()))
			.update();
		return new WebhookViews.WebhookCreated(id, checked, secret);
	}

	List<WebhookViews.WebhookEndpoint> list() {
		return this.jdbc.sql("select id, url, created_at from webhooks order by created_at, id")
			.query((rs, i) -> new WebhookViews.WebhookEndpoint(rs.getObject("id", UUID.class), rs.getString("url"),
					rs.getTimestamp("created_at").toInstant()))
			.list();
	}

	void delete(String id) {
		if (this.jdbc.sql("delete from webhooks where id = ?").param(uuid(id)).update() == 0) {
			throw notFound(id);
		}
	}

	/**
	 * A keyset page of the endpoint's deliveries, the newest first, after {@code cursor}
	 * (the first page without one).
	 */
	@Transactional(readOnly = true)
	Page<WebhookViews.WebhookDelivery> deliveries(String id, @Nullable String cursor, int size) {
		UUID webhook = existing(id);
		Cursor after = (cursor != null) ? Cursor.decode(cursor, DELIVERY_ORDER, 2) : null;
		List<Queued> found = this.jdbc.sql("""
				select event_id, status, attempts, last_attempt_at, last_status, created_at
				from webhook_deliveries
				where webhook_id = ? and (created_at, event_id)
				    < (coalesce(cast(? as timestamptz), 'infinity'), cast(? as varchar))
				order by created_at desc, event_id desc
				limit ?""")
			.params(webhook, (after != null) ? Timestamp.from(after.instant(0)) : null,
					(after != null) ? after.key(1) : "", size + 1)
			.query((rs,
					i) -> new Queued(new WebhookViews.WebhookDelivery(rs.getString("event_id"), rs.getString("status"),
							rs.getInt("attempts"), instant(rs.getTimestamp("last_attempt_at")),
							(Integer) rs.getObject("last_status")), rs.getTimestamp("created_at").toInstant()))
			.list();
		return Page.of(found, size, Queued::delivery,
				(last) -> new Cursor(DELIVERY_ORDER, List.of(last.at().toString(), last.delivery().eventId())));
	}

	/** A delivery and when it was queued, its place in the pages. */
	private record Queued(WebhookViews.WebhookDelivery delivery, Instant at) {
	}

	/**
	 * Makes a pending or failed delivery due now, with a fresh round of attempts. One
	 * that was delivered is never sent again.
	 */
	@Transactional
	void redeliver(String id, String eventId) {
		UUID webhook = existing(id);
		String status = this.jdbc
			.sql("select status from webhook_deliveries where webhook_id = ? and event_id = ? for update")
			.params(webhook, eventId)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new FleetException(ErrorCode.DELIVERY_NOT_FOUND,
					"Webhook " + id + " has no delivery of event " + eventId));
		if (status.equals("DELIVERED")) {
			throw new FleetException(ErrorCode.ALREADY_DELIVERED, "Event " + eventId + " was delivered already");
		}
		this.jdbc.sql("""
				update webhook_deliveries set status = 'PENDING', attempts = 0, next_attempt_at = now()
				where webhook_id = ? and event_id = ?""").params(webhook, eventId).update();
	}

	private UUID existing(String id) {
		UUID webhook = uuid(id);
		if (this.jdbc.sql("select count(*) from webhooks where id = ?")
			.param(webhook)
			.query(Long.class)
			.single() == 0) {
			throw notFound(id);
		}
		return webhook;
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw notFound(id);
		}
	}

	private static FleetException notFound(String id) {
		return new FleetException(ErrorCode.WEBHOOK_NOT_FOUND, "No webhook is registered with id " + id);
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
