package gov.shaoxing.investment.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a {@code POST} to the GraphQL endpoint whose {@code Content-Type} is missing or
 * not one the endpoint reads with a GraphQL-shaped 415, before Spring's dispatcher sees
 * it: the dispatcher fails with a 500 on a wildcard type ({@code application/*},
 * {@code *}{@code /*}) and parses multipart and form bodies on its own.
 */
final class GraphQlContentTypeFilter extends OncePerRequestFilter {

	private final String path;

	private final JsonMapper json;

	GraphQlContentTypeFilter(String path, JsonMapper json) {
		this.path = path;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !HttpMethod.POST.matches(request.getMethod())
				|| !this.path.equals(request.getRequestURI().substring(request.getContextPath().length()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (GraphQlPostHandler.contentType(request.getHeader(HttpHeaders.CONTENT_TYPE)) != null) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
		response.setContentType(
				ResponseMediaType.select(Collections.list(request.getHeaders(HttpHeaders.ACCEPT))).toString());
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader(HttpHeaders.ACCEPT, "application/json, application/graphql");
		response.getWriter()
			.write(this.json.writeValueAsString(RequestErrors.body(RequestErrors.UNSUPPORTED_MEDIA_TYPE,
					"Send the request with Content-Type: application/json (a JSON object with 'query').")));
	}

}
