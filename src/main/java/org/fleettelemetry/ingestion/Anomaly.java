package org.fleettelemetry.ingestion;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.fleettelemetry.shared.ErrorCode;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A quarantined report as the review sees it, with its audit trail. Read-only: crediting
 * inserts anomalies set-wise, and a review changes one with a statement conditional on
 * its being {@code OPEN}, in the transaction that credits its report; Hibernate never
 * flushes this row.
 */
@Entity
@Immutable
@Table(name = "anomalies")
class Anomaly {

	@Id
	private Long id;

	private String vin;

	private String reportId;

	@Enumerated(EnumType.STRING)
	private ErrorCode code;

	private String detail;

	/** The report as it was sent. */
	@JdbcTypeCode(SqlTypes.JSON)
	private String report;

	private Instant receivedAt;

	@Enumerated(EnumType.STRING)
	private AnomalyStatus status;

	private @Nullable Instant resolvedAt;

	private @Nullable String reason;

	private @Nullable String resolvedBy;

	@Column(name = "credited_m")
	private @Nullable Long creditedM;

	protected Anomaly() {
		// for JPA
		this.id = 0L;
		this.vin = "";
		this.reportId = "";
		this.code = ErrorCode.UNKNOWN_VEHICLE;
		this.detail = "";
		this.report = "{}";
		this.receivedAt = Instant.EPOCH;
		this.status = AnomalyStatus.OPEN;
	}

	long id() {
		return this.id;
	}

	String vin() {
		return this.vin;
	}

	String reportId() {
		return this.reportId;
	}

	ErrorCode code() {
		return this.code;
	}

	String detail() {
		return this.detail;
	}

	String report() {
		return this.report;
	}

	Instant receivedAt() {
		return this.receivedAt;
	}

	AnomalyStatus status() {
		return this.status;
	}

	@Nullable Instant resolvedAt() {
		return this.resolvedAt;
	}

	@Nullable String reason() {
		return this.reason;
	}

	@Nullable String resolvedBy() {
		return this.resolvedBy;
	}

	@Nullable Long creditedM() {
		return this.creditedM;
	}

}
