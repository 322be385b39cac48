package gov.shaoxing.investment.user;

import java.util.List;

import gov.shaoxing.investment.security.Role;

/**
 * The fields of {@code createUser} and {@code updateUser}; in an update, fields left null
 * stay as they are.
 */
record UserInput(String username, String password, Role role, String departmentCode, List<String> districtCodes,
		Boolean enabled) {
}
