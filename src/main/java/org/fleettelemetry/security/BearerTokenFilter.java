package org.fleettelemetry.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fleettelemetry.shared.ErrorCode;
import org.fleettelemetry.web.ProblemWriter;
import org.fleettelemetry.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer} tokens. A request without one goes on
 * anonymous (public reads); a token that belongs to nobody is refused with 401 at once;
 * one that cannot be checked, the database being unreachable, with 503.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(BearerTokenFilter.class);

	private static final String PREFIX = "Bearer ";

	private final TokenResolver tokens;

	private final ProblemWriter problems;

	BearerTokenFilter(TokenResolver tokens, ProblemWriter problems) {
		this.tokens = tokens;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null) {
			chain.doFilter(request, response);
			return;
		}
		if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length()) || header.length() == PREFIX.length()) {
			this.problems.write(response, ErrorCode.UNAUTHORIZED, "Use Authorization: Bearer <token>");
			return;
		}
		Optional<Caller> caller;
		try {
			caller = this.tokens.resolve(header.substring(PREFIX.length()).trim());
		}
		catch (RuntimeException ex) {
			if (!Problems.databaseUnavailable(ex)) {
				throw ex;
			}
			// a token not cached yet is checked in the database: while it cannot be
			// reached, the request can be neither refused nor served (it was a 500)
			log.warn("Database unavailable while checking a bearer token: {}", ex.getMessage());
			this.problems.write(response, ErrorCode.SERVICE_UNAVAILABLE, Problems.DATABASE_UNAVAILABLE);
			return;
		}
		if (caller.isEmpty()) {
			this.problems.write(response, ErrorCode.UNAUTHORIZED, "The bearer token is not valid");
			return;
		}
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(caller.get().authentication());
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
