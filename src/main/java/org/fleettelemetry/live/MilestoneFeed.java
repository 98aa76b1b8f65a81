package org.fleettelemetry.live;

import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.fleettelemetry.milestones.MilestoneScope;
import org.fleettelemetry.milestones.MilestoneView;
import org.fleettelemetry.milestones.Milestones;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The milestones the stream has sent, so that each is sent once however it was learnt of
 * (the event of this instance, or a higher last milestone in the summary read after
 * another instance fired it).
 */
@Component
class MilestoneFeed {

	/** Enough to recognise any milestone of the last hours again. */
	private static final int REMEMBERED = 10_000;

	private final Milestones milestones;

	private final Set<String> sent = Collections.newSetFromMap(new LinkedHashMap<>() {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
			return size() > REMEMBERED;
		}
	});

	MilestoneFeed(Milestones milestones) {
		this.milestones = milestones;
	}

	/** The fleet's milestone of {@code thresholdKm} from the ledger, if reached. */
	@Nullable MilestoneView fleet(long thresholdKm) {
		return this.milestones.fleet(thresholdKm);
	}

	/**
	 * Whether the milestone is to be sent: {@code false} once it has been. Known by its
	 * threshold, subject and time, so that a ledger emptied and filled again (as between
	 * tests) is news.
	 */
	synchronized boolean firstTime(MilestoneView milestone) {
		String subject = (milestone.scope() == MilestoneScope.FLEET) ? "" : milestone.vin();
		return this.sent.add(milestone.scope() + "/" + subject + "/" + milestone.distanceKm() + "/"
				+ milestone.reachedAt().truncatedTo(ChronoUnit.MILLIS));
	}

}
