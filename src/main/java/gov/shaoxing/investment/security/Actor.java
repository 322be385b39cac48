package gov.shaoxing.investment.security;

import java.util.List;

/** Who is calling: a signed-in user with a role and scope, or the anonymous caller. */
public record Actor(String username, Role role, String departmentCode, List<String> districtCodes) {

	public static final Actor ANONYMOUS = new Actor(null, null, null, List.of());

	public Actor {
		districtCodes = districtCodes == null ? List.of() : List.copyOf(districtCodes);
	}

	public boolean signedIn() {
		return this.username != null && this.role != null;
	}

	public boolean is(Role... roles) {
		for (Role r : roles) {
			if (r == this.role) {
				return true;
			}
		}
		return false;
	}

	/** A name for audit records and {@code submittedBy}. */
	public String name() {
		return this.username == null ? "anonymous" : this.username;
	}

}
