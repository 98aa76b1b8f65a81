package org.fleettelemetry.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.fleettelemetry.shared.ErrorCode;
import org.fleettelemetry.web.ProblemWriter;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer} tokens. A request without one goes on
 * anonymous (public reads); a token that belongs to nobody is refused with 401 at once.
 */
class BearerTokenFilter extends OncePerRequestFilter {

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
		var caller = this.tokens.resolve(header.substring(PREFIX.length()).trim());
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
