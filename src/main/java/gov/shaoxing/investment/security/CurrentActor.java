package gov.shaoxing.investment.security;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The caller of the current request, from the validated token's claims. */
public final class CurrentActor {

	static final String ROLE_CLAIM = "role";

	static final String DEPARTMENT_CLAIM = "department";

	static final String DISTRICTS_CLAIM = "districts";

	private CurrentActor() {
	}

	public static Actor get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token && token.isAuthenticated()) {
			return fromJwt(token.getToken());
		}
		return Actor.ANONYMOUS;
	}

	static Actor fromJwt(Jwt jwt) {
		Role role = roleOf(jwt);
		List<String> districts = jwt.getClaimAsStringList(DISTRICTS_CLAIM);
		String name = jwt.getClaimAsString("preferred_username");
		return new Actor(name != null ? name : jwt.getSubject(), role, jwt.getClaimAsString(DEPARTMENT_CLAIM),
				districts);
	}

	/**
	 * Our own tokens carry {@code role}; an OIDC provider's may carry {@code roles} or
	 * Keycloak's realm roles.
	 */
	@SuppressWarnings("unchecked")
	private static Role roleOf(Jwt jwt) {
		String role = jwt.getClaimAsString(ROLE_CLAIM);
		if (role == null) {
			List<String> roles = jwt.getClaimAsStringList("roles");
			if (roles == null && jwt.getClaim("realm_access") instanceof Map<?, ?> realm) {
				roles = (List<String>) realm.get("roles");
			}
			if (roles != null) {
				for (Role r : Role.values()) {
					if (roles.stream().anyMatch((x) -> x.equalsIgnoreCase(r.name()))) {
						return r;
					}
				}
			}
			return null;
		}
		try {
			return Role.valueOf(role.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
