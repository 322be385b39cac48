package gov.shaoxing.investment.security;

import java.util.List;

/**
 * The fields of {@code createUser} and {@code updateUser}; in an update, fields left null stay as they are.
 */
record UserInput(String username, String password, Role role, String departmentCode, List<String> districtCodes,
		Boolean enabled) {
}
