package org.fleettelemetry.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The API keys issued, through JPA: created, listed as keyset pages in creation order,
 * found by hash, and revoked.
 */
interface IssuedKeys extends Repository<ApiKey, UUID> {

	ApiKey save(ApiKey key);

	boolean existsById(UUID id);

	/** The unrevoked key of this hash, expired or not. */
	Optional<ApiKey> findByKeyHashAndRevokedAtIsNull(String keyHash);

	/** The keys created after ({@code createdAt}, {@code id}), in that order. */
	@Query("""
			select k from ApiKey k
			where k.createdAt > :createdAt or (k.createdAt = :createdAt and k.id > :id)
			order by k.createdAt, k.id""")
	List<ApiKey> findAfter(Instant createdAt, UUID id, Limit limit);

	/** The first keys created, in creation order. */
	@Query("select k from ApiKey k order by k.createdAt, k.id")
	List<ApiKey> findFirst(Limit limit);

	/**
	 * Revokes the key, unless it was already: its revocation time is the database's
	 * clock, which every instance's poll compares with.
	 */
	@Modifying
	@Query(value = "update api_keys set revoked_at = clock_timestamp() where id = :id and revoked_at is null",
			nativeQuery = true)
	int revoke(UUID id);

	/**
	 * The ids of the keys revoked within the last {@code millis} by the database's clock.
	 */
	@Query(value = """
			select cast(id as varchar) from api_keys
			where revoked_at > now() - cast(:millis as bigint) * interval '1 millisecond'""", nativeQuery = true)
	Set<String> revokedWithin(long millis);

}
