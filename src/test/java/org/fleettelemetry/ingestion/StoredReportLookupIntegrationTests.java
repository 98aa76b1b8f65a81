package org.fleettelemetry.ingestion;

import java.util.List;

import org.fleettelemetry.support.IntegrationTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The look-up of stored reports is planned for its own ids every time it runs. A plan
 * kept on the server for the connection (pgjdbc prepares a statement there from its fifth
 * use) can be a generic one, costed when a slice was nearly empty, that then reads the
 * whole slice for every report as it fills.
 */
class StoredReportLookupIntegrationTests extends IntegrationTests {

	@Autowired
	ReportStore store;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void theLookUpIsNeverKeptOnTheServer() {
		List<String> kept = new TransactionTemplate(this.transactionManager).execute((status) -> {
			for (int i = 0; i < 10; i++) {
				this.store.load(List.of(GroupCommitTests.submission("look-up-" + i)));
				// an ordinary statement, used as often, for comparison
				this.jdbc.sql("select count(*) from vehicles where vin = ?").param("V" + i).query(Long.class).single();
			}
			return this.jdbc.sql("select statement from pg_prepared_statements").query(String.class).list();
		});
		assertThat(kept).as("statements kept on the server").anyMatch((sql) -> sql.contains("from vehicles where vin"));
		assertThat(kept).noneMatch((sql) -> sql.contains("join reports r"));
	}

}
