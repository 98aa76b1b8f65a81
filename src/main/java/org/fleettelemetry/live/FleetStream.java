package org.fleettelemetry.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.fleettelemetry.fleet.FleetSummary;
import org.fleettelemetry.fleet.SharedFigures;
import org.fleettelemetry.milestones.MilestoneReached;
import org.fleettelemetry.milestones.MilestoneView;
import org.fleettelemetry.shared.ErrorCode;
import org.fleettelemetry.shared.FleetException;
import org.fleettelemetry.shared.RepeatingTask;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The subscribers of the stream and what they are sent. One thread reads the fleet
 * summary once per {@code fleet.stream.interval}, through the same shared read as the
 * summary endpoint, for every subscriber of this instance, and sends it to each when its
 * figures (its ETag) changed; a comment when nothing was sent for
 * {@code fleet.stream.heartbeat}. A milestone fired on this instance is sent once its
 * transaction commits; one fired on another instance shows as a higher last milestone in
 * the summary, and is sent then. No thread waits on a subscriber: an {@link SseEmitter}
 * is an asynchronous request.
 */
@Component
class FleetStream extends RepeatingTask {

	private static final Logger log = LoggerFactory.getLogger(FleetStream.class);

	private final SharedFigures figures;

	private final MilestoneFeed milestones;

	private final StreamSettings settings;

	private final JsonMapper json;

	private final Clock clock;

	private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

	private final AtomicInteger count = new AtomicInteger();

	private final Counter reads;

	/** The latest read, by whichever thread made it: what a new subscriber is sent. */
	private volatile @Nullable Snapshot last;

	/**
	 * The stream thread's own previous read, which it compares its next with: not
	 * {@link #last}, which a subscription may have read in between, and whose change the
	 * other subscribers would then miss.
	 */
	private @Nullable Snapshot streamed;

	/** Numbers the reads in the order they are made (one at a time). */
	private final AtomicLong readNumber = new AtomicLong();

	private volatile Instant lastSent = Instant.EPOCH;

	/** Milestones committed on this instance, to be sent by the stream's thread. */
	private final Queue<MilestoneView> fired = new ConcurrentLinkedQueue<>();

	FleetStream(SharedFigures figures, MilestoneFeed milestones, StreamSettings settings, JsonMapper json, Clock clock,
			MeterRegistry meters) {
		super("fleet-stream", settings.interval());
		this.figures = figures;
		this.milestones = milestones;
		this.settings = settings;
		this.json = json;
		this.clock = clock;
		this.reads = Counter.builder("fleet.stream.reads")
			.description("Reads of the fleet figures for the stream's subscribers")
			.register(meters);
		Gauge.builder("fleet.stream.subscribers", this.count, AtomicInteger::get)
			.description("Subscribers of the stream on this instance")
			.register(meters);
	}

	/**
	 * A new subscriber, sent the summary at once.
	 * @throws FleetException {@code SERVICE_UNAVAILABLE} beyond
	 * {@code fleet.stream.max-subscribers}
	 */
	SseEmitter subscribe(boolean wholeVins) {
		if (this.count.incrementAndGet() > this.settings.maxSubscribers()) {
			this.count.decrementAndGet();
			throw new FleetException(ErrorCode.SERVICE_UNAVAILABLE,
					"This instance serves as many subscribers as it may; subscribe again shortly");
		}
		// no time-out: the stream lasts until the subscriber leaves or the service stops
		Subscriber subscriber = new Subscriber(new SseEmitter(0L), wholeVins);
		subscriber.emitter.onCompletion(() -> remove(subscriber));
		subscriber.emitter.onTimeout(() -> remove(subscriber));
		subscriber.emitter.onError((ex) -> remove(subscriber));
		// added before the read, so that it misses no read made after: whichever of this
		// thread and the stream's sends first, it gets each figures once, the newer last
		this.subscribers.add(subscriber);
		Snapshot snapshot = recent();
		summary(subscriber, snapshot, snapshot.event());
		return subscriber.emitter;
	}

	private void remove(Subscriber subscriber) {
		if (this.subscribers.remove(subscriber)) {
			this.count.decrementAndGet();
		}
	}

	/**
	 * The summary read within the last interval, or a new read: a burst of subscriptions
	 * shares one.
	 */
	private Snapshot recent() {
		Snapshot snapshot = this.last;
		if (snapshot != null && !snapshot.readAt().plus(this.settings.interval()).isBefore(this.clock.instant())) {
			return snapshot;
		}
		return read();
	}

	/** One read at a time, so that their numbers follow the order they were made in. */
	private Snapshot read() {
		synchronized (this.readNumber) {
			this.reads.increment();
			SharedFigures.Summary summary = this.figures.summary();
			Snapshot snapshot = new Snapshot(this.readNumber.incrementAndGet(),
					new String(summary.body().json(), StandardCharsets.UTF_8), summary.body().etag(),
					summary.figures().lastMilestone(), this.clock.instant());
			this.last = snapshot;
			return snapshot;
		}
	}

	/** One interval: read once for every subscriber, send what changed. */
	@Override
	protected void runOnce() {
		for (MilestoneView milestone = this.fired.poll(); milestone != null; milestone = this.fired.poll()) {
			milestone(milestone);
		}
		if (this.subscribers.isEmpty()) {
			// forgotten: a milestone reached while nobody followed is not sent late
			this.streamed = null;
			return;
		}
		Snapshot before = this.streamed;
		Snapshot now = read();
		this.streamed = now;
		if (before != null && isHigher(now.lastMilestone(), before.lastMilestone())) {
			// perhaps fired by another instance: this one sends only what it has not
			MilestoneView fired = this.milestones.fleet(now.lastMilestone().distanceKm());
			if (fired != null) {
				milestone(fired);
			}
		}
		if (before == null || !now.etag().equals(before.etag())) {
			Set<ResponseBodyEmitter.DataWithMediaType> frame = now.event();
			this.subscribers.forEach((subscriber) -> summary(subscriber, now, frame));
			this.lastSent = this.clock.instant();
		}
		else if (!this.lastSent.plus(this.settings.heartbeat()).isAfter(this.clock.instant())) {
			broadcast(SseEmitter.event().comment("still here"));
		}
	}

	private static boolean isHigher(FleetSummary.@Nullable LastMilestone now,
			FleetSummary.@Nullable LastMilestone before) {
		return now != null && (before == null || now.distanceKm() > before.distanceKm());
	}

	/**
	 * Takes a milestone fired on this instance, once its transaction has committed, for
	 * the next interval: the crediting thread that committed it does not wait on
	 * subscribers.
	 */
	@TransactionalEventListener
	void milestoneReached(MilestoneReached event) {
		this.fired.add(event.view());
	}

	private void milestone(MilestoneView milestone) {
		if (!this.milestones.firstTime(milestone)) {
			return;
		}
		Set<ResponseBodyEmitter.DataWithMediaType> whole = milestoneEvent(milestone);
		Set<ResponseBodyEmitter.DataWithMediaType> masked = milestoneEvent(milestone.masked());
		for (Subscriber subscriber : this.subscribers) {
			send(subscriber, subscriber.wholeVins ? whole : masked);
		}
		this.lastSent = this.clock.instant();
	}

	private Set<ResponseBodyEmitter.DataWithMediaType> milestoneEvent(MilestoneView milestone) {
		return SseEmitter.event()
			.name("milestone")
			.data(this.json.writeValueAsString(milestone), MediaType.APPLICATION_JSON)
			.build();
	}

	/**
	 * Sends one event to every subscriber, built once: a builder must not be reused, each
	 * {@code build()} adds a line to what it holds.
	 */
	private void broadcast(SseEmitter.SseEventBuilder event) {
		Set<ResponseBodyEmitter.DataWithMediaType> frame = event.build();
		this.subscribers.forEach((subscriber) -> send(subscriber, frame));
		this.lastSent = this.clock.instant();
	}

	/**
	 * Sends a subscriber a summary read after the last it was sent, if its figures
	 * differ: a subscription and the stream's thread may both send one at the same time,
	 * and the subscriber then gets the newer once, never the older after it.
	 */
	private void summary(Subscriber subscriber, Snapshot snapshot, Set<ResponseBodyEmitter.DataWithMediaType> frame) {
		synchronized (subscriber) {
			if (snapshot.number() <= subscriber.lastRead) {
				return;
			}
			subscriber.lastRead = snapshot.number();
			if (snapshot.etag().equals(subscriber.lastEtag)) {
				return;
			}
			subscriber.lastEtag = snapshot.etag();
			// under the lock: sent apart, the older could overtake the newer
			send(subscriber, frame);
		}
	}

	private void send(Subscriber subscriber, Set<ResponseBodyEmitter.DataWithMediaType> frame) {
		try {
			subscriber.emitter.send(frame);
		}
		catch (IOException | IllegalStateException ex) {
			// the subscriber has gone: not an error; the container ends the request
			log.debug("A stream subscriber has gone", ex);
			remove(subscriber);
		}
	}

	/** Ends every stream cleanly, then the schedule: the service is stopping. */
	@Override
	public synchronized void stop() {
		this.subscribers.forEach((subscriber) -> subscriber.emitter.complete());
		this.subscribers.clear();
		this.count.set(0);
		super.stop();
	}

	private static final class Subscriber {

		final SseEmitter emitter;

		final boolean wholeVins;

		/**
		 * The number of the last read sent, or passed over as unchanged, and its ETag.
		 */
		long lastRead = -1;

		@Nullable String lastEtag;

		Subscriber(SseEmitter emitter, boolean wholeVins) {
			this.emitter = emitter;
			this.wholeVins = wholeVins;
		}

	}

	/**
	 * A summary as read for the stream.
	 *
	 * @param number the read's number: a later read has a higher one
	 * @param json its JSON
	 * @param etag the ETag of its figures
	 * @param lastMilestone the last fleet milestone it shows
	 * @param readAt when it was read
	 */
	private record Snapshot(long number, String json, String etag, FleetSummary.@Nullable LastMilestone lastMilestone,
			Instant readAt) {

		Set<ResponseBodyEmitter.DataWithMediaType> event() {
			return SseEmitter.event().name("summary").data(this.json, MediaType.APPLICATION_JSON).build();
		}

	}

}
