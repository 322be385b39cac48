package gov.shaoxing.investment.user;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import gov.shaoxing.investment.audit.AuditContext;
import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ErrorCode;
import gov.shaoxing.investment.common.ExpectedFailure;
import gov.shaoxing.investment.common.PayloadError;
import gov.shaoxing.investment.department.DepartmentService;
import gov.shaoxing.investment.district.DistrictService;
import gov.shaoxing.investment.event.EventPublisher;
import gov.shaoxing.investment.event.EventType;
import gov.shaoxing.investment.security.AccessPolicy;
import gov.shaoxing.investment.security.Actor;
import gov.shaoxing.investment.security.Role;
import gov.shaoxing.investment.security.SecurityProperties;
import gov.shaoxing.investment.security.StoredUser;
import gov.shaoxing.investment.security.UserDirectory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Admins manage the embedded issuer's users through the API: create them, change their
 * role and scope, reset their password, disable them. Configured and demo users are
 * changed in configuration only. With an OIDC provider users live in the provider, and
 * these operations are refused.
 */
@Service
class UserService {

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{2,63}");

	static final int MIN_PASSWORD = 8;

	private final MongoTemplate mongo;

	private final UserDirectory directory;

	private final SecurityProperties properties;

	private final DistrictService districts;

	private final DepartmentService departments;

	private final Clock clock;

	private final EventPublisher events;

	UserService(MongoTemplate mongo, UserDirectory directory, SecurityProperties properties, DistrictService districts,
			DepartmentService departments, Clock clock, EventPublisher events) {
		this.events = events;
		this.mongo = mongo;
		this.directory = directory;
		this.properties = properties;
		this.districts = districts;
		this.departments = departments;
		this.clock = clock;
	}

	List<StoredUser.UserView> all(Actor actor) {
		AccessPolicy.requireMayManageUsers(actor);
		List<StoredUser.UserView> all = new ArrayList<>();
		for (SecurityProperties.User u : this.directory.all()) {
			all.add(new StoredUser.UserView(u.username(), u.role(), u.departmentCode(), u.districtCodes(), true,
					this.directory.sourceOf(u.username()), null, null));
		}
		for (StoredUser u : this.mongo.findAll(StoredUser.class)) {
			all.add(u.view(StoredUser.UserSource.SERVICE));
		}
		all.sort(Comparator.comparing(StoredUser.UserView::username));
		return all;
	}

	StoredUser.UserView create(UserInput input, Actor actor) {
		requireManageable(actor);
		List<PayloadError> errors = new ArrayList<>();
		String username = input.username() == null ? "" : input.username().strip().toLowerCase(Locale.ROOT);
		if (!USERNAME.matcher(username).matches()) {
			errors.add(new PayloadError("input.username", ErrorCode.INVALID_USERNAME));
		}
		else if (this.directory.configured(username)) {
			errors.add(taken());
		}
		checkPassword(errors, input.password(), true);
		Role role = input.role();
		if (role == null) {
			errors.add(PayloadError.detailed("input.role", ErrorCode.REQUIRED, "role"));
		}
		else {
			checkScope(errors, role, input.departmentCode(), input.districtCodes());
		}
		if (!errors.isEmpty()) {
			throw new ExpectedFailure(errors);
		}
		Instant now = this.clock.instant();
		StoredUser user = new StoredUser(username, this.directory.hash(input.password()), role,
				blankToNull(input.departmentCode()), input.districtCodes(), input.enabled() == null || input.enabled(),
				now, actor.name(), now, actor.name(), 0);
		try {
			user = this.mongo.insert(user);
		}
		catch (DuplicateKeyException ex) {
			throw new ExpectedFailure(List.of(taken()));
		}
		this.events.publish(EventType.USER_CHANGED, null, null, username);
		StoredUser.UserView view = user.view(StoredUser.UserSource.SERVICE);
		AuditContext.changed("User", username, null, view);
		return view;
	}

	StoredUser.UserView update(UserInput input, Actor actor) {
		requireManageable(actor);
		String username = input.username() == null ? "" : input.username().strip().toLowerCase(Locale.ROOT);
		if (this.directory.configured(username)) {
			throw new ExpectedFailure("input.username", ErrorCode.CONFIGURED_USER);
		}
		StoredUser current = this.mongo.findById(username, StoredUser.class);
		if (current == null) {
			throw new ExpectedFailure(PayloadError.detailed("input.username", ErrorCode.NOT_FOUND, "user"));
		}
		List<PayloadError> errors = new ArrayList<>();
		checkPassword(errors, input.password(), false);
		Role role = input.role() != null ? input.role() : current.role();
		String department = input.departmentCode() != null ? blankToNull(input.departmentCode())
				: current.departmentCode();
		List<String> districtCodes = input.districtCodes() != null ? input.districtCodes() : current.districtCodes();
		checkScope(errors, role, department, districtCodes);
		boolean enabled = input.enabled() != null ? input.enabled() : current.enabled();
		if (!enabled && username.equals(actor.username())) {
			errors.add(new PayloadError("input.enabled", ErrorCode.CANNOT_DISABLE_SELF));
		}
		if (!errors.isEmpty()) {
			throw new ExpectedFailure(errors);
		}
		// tokens carry the role and scope they were issued with: any change to those, the
		// password or the right to
		// sign in revokes the tokens issued before
		boolean revoke = input.password() != null || role != current.role()
				|| !Objects.equals(department, current.departmentCode())
				|| !districtCodes.equals(current.districtCodes()) || enabled != current.enabled();
		StoredUser updated = new StoredUser(username,
				input.password() != null ? this.directory.hash(input.password()) : current.passwordHash(), role,
				department, districtCodes, enabled, current.createdAt(), current.createdBy(), this.clock.instant(),
				actor.name(), revoke ? current.tokenVersion() + 1 : current.tokenVersion());
		updated = this.mongo.save(updated);
		this.events.publish(EventType.USER_CHANGED, null, null, username);
		StoredUser.UserView view = updated.view(StoredUser.UserSource.SERVICE);
		AuditContext.changed("User", username, current.view(StoredUser.UserSource.SERVICE), view);
		return view;
	}

	private void requireManageable(Actor actor) {
		AccessPolicy.requireMayManageUsers(actor);
		if (!this.properties.embeddedIssuer()) {
			throw ApiException.detailed(ErrorCode.FORBIDDEN, "usersInIdentityProvider", null);
		}
	}

	private static void checkPassword(List<PayloadError> errors, String password, boolean required) {
		if (password == null) {
			if (required) {
				errors.add(PayloadError.detailed("input.password", ErrorCode.REQUIRED, "password"));
			}
		}
		else if (password.length() < MIN_PASSWORD) {
			errors.add(new PayloadError("input.password", ErrorCode.PASSWORD_TOO_SHORT, MIN_PASSWORD));
		}
		else if (password.length() > UserDirectory.MAX_PASSWORD) {
			errors.add(new PayloadError("input.password", ErrorCode.TOO_LONG, UserDirectory.MAX_PASSWORD));
		}
	}

	/**
	 * A department officer acts for one department; district officers and inspectors for
	 * one or more districts.
	 */
	private void checkScope(List<PayloadError> errors, Role role, String departmentCode, List<String> districtCodes) {
		String department = blankToNull(departmentCode);
		if (department != null && this.departments.byCode(department) == null) {
			errors.add(new PayloadError("input.departmentCode", ErrorCode.UNKNOWN_DEPARTMENT, departmentCode));
		}
		else if (role == Role.DEPARTMENT_OFFICER && department == null) {
			errors.add(PayloadError.detailed("input.departmentCode", ErrorCode.REQUIRED, "officerDepartment"));
		}
		List<String> codes = districtCodes == null ? List.of() : districtCodes;
		if (codes.size() > 20 || !this.districts.byCodes(codes).keySet().containsAll(codes)) {
			errors.add(PayloadError.detailed("input.districtCodes", ErrorCode.UNKNOWN_DISTRICT, "list"));
		}
		else if ((role == Role.DISTRICT_OFFICER || role == Role.INSPECTOR) && codes.isEmpty()) {
			errors.add(PayloadError.detailed("input.districtCodes", ErrorCode.REQUIRED, "officerDistricts", role));
		}
	}

	private static PayloadError taken() {
		return new PayloadError("input.username", ErrorCode.USERNAME_TAKEN);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
