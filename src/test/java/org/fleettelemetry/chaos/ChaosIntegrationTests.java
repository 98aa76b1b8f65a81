package org.fleettelemetry.chaos;

import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short form of the fault-injection campaign ({@code bench/chaos} runs the long one):
 * two instances as JVMs of their own on one PostgreSQL, each fault once while a client
 * sends reports to both, then every metre checked against what the answers said. Its
 * database and the services' logs stay in {@code target/chaos-verify/}.
 */
@Tag("slow")
@Tag("chaos")
class ChaosIntegrationTests {

	@Test
	void losesNoMetreAndCountsNoneTwiceWhenInstancesAndTheDatabaseFail() throws Exception {
		ChaosSettings settings = ChaosSettings.shortForm(Path.of("target", "chaos-verify"));
		System.out.println("chaos: " + settings);
		ChaosSummary summary = new ChaosCampaign(settings).run();
		summary.lines().forEach(System.out::println);

		assertThat(summary.problems()).isEmpty();
		assertThat(summary.faults()).containsOnlyKeys(Nemesis.Fault.values());
		assertThat(summary.faults().values()).allMatch((count) -> count >= 1);
		assertThat(summary.ok()).isPositive();
		assertThat(summary.reportsStored()).isPositive();
	}

}
