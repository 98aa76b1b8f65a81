package org.fleettelemetry.security;

import java.util.UUID;

/**
 * An API key was revoked: it must stop working. Published inside the revoking
 * transaction: act on it after commit.
 *
 * @param id the key
 */
record ApiKeyRevoked(UUID id) {
}
