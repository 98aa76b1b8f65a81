package org.fleettelemetry.shared;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RepeatingTaskTests {

	@Test
	void runsAgainAfterARunThatThrew() throws InterruptedException {
		CountDownLatch runs = new CountDownLatch(3);
		RepeatingTask task = new RepeatingTask("failing-task", Duration.ofMillis(10)) {

			@Override
			protected void runOnce() {
				runs.countDown();
				throw new IllegalStateException("a failed run");
			}

		};
		task.start();
		try {
			assertThat(runs.await(10, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			task.stop();
		}
		assertThat(task.isRunning()).isFalse();
	}

}
