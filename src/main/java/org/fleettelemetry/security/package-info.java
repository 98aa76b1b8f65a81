/**
 * Security: the admin, gateway and vehicle bearer tokens and who may call what.
 */
@NullMarked
package org.fleettelemetry.security;

import org.jspecify.annotations.NullMarked;
