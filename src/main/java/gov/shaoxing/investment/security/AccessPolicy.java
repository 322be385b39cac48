package gov.shaoxing.investment.security;

import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ErrorCode;

/**
 * The write rules of the role table, checked by the services themselves whatever path a
 * request takes. Reads are open to every signed-in user; what anonymous callers may read
 * is marked {@code @signedIn} in the schema.
 */
public final class AccessPolicy {

	private AccessPolicy() {
	}

	/**
	 * Progress reports: admins, the district's officer, or an inspector assigned to the
	 * district.
	 */
	public static void requireMayReport(Actor actor, String districtCode) {
		requireSignedIn(actor);
		if (actor.is(Role.ADMIN)
				|| (actor.is(Role.DISTRICT_OFFICER, Role.INSPECTOR) && actor.districtCodes().contains(districtCode))) {
			return;
		}
		throw forbidden(actor, "report", districtCode);
	}

	/** Inspections: admins, or an inspector assigned to the district. */
	public static void requireMayInspect(Actor actor, String districtCode) {
		requireSignedIn(actor);
		if (actor.is(Role.ADMIN) || (actor.is(Role.INSPECTOR) && actor.districtCodes().contains(districtCode))) {
			return;
		}
		throw forbidden(actor, "inspect", districtCode);
	}

	/** Economy-wide statistics: admins, or the district's officer. */
	public static void requireMayReportIndicators(Actor actor, String districtCode) {
		requireSignedIn(actor);
		if (actor.is(Role.ADMIN) || (actor.is(Role.DISTRICT_OFFICER) && actor.districtCodes().contains(districtCode))) {
			return;
		}
		throw forbidden(actor, "reportIndicators", districtCode);
	}

	/**
	 * Notices: admins, the city supervisor, or an officer of the department the notice is
	 * addressed to.
	 */
	public static void requireMayHandleNotice(Actor actor, String departmentCode) {
		requireSignedIn(actor);
		if (actor.is(Role.ADMIN, Role.CITY_SUPERVISOR) || (actor.is(Role.DEPARTMENT_OFFICER) && departmentCode != null
				&& departmentCode.equals(actor.departmentCode()))) {
			return;
		}
		throw forbidden(actor, "handleNotice", departmentCode);
	}

	/** Targets: admins and the city supervisor (市产业投资办公室). */
	public static void requireMayChangeTargets(Actor actor) {
		requireSignedIn(actor);
		if (!actor.is(Role.ADMIN, Role.CITY_SUPERVISOR)) {
			throw forbidden(actor, "changeTargets");
		}
	}

	/**
	 * A project's record: admins, an officer of its lead department (牵头部门;
	 * co-implementing departments read only), or an officer of its district.
	 */
	public static void requireMayChangeProject(Actor actor, String districtCode, String leadDepartmentCode) {
		requireSignedIn(actor);
		if (actor.is(Role.ADMIN)
				|| (actor.is(Role.DEPARTMENT_OFFICER) && leadDepartmentCode != null
						&& leadDepartmentCode.equals(actor.departmentCode()))
				|| (actor.is(Role.DISTRICT_OFFICER) && actor.districtCodes().contains(districtCode))) {
			return;
		}
		throw forbidden(actor, "changeProject", districtCode, leadDepartmentCode);
	}

	/** The service's own users: admins only. */
	public static void requireMayManageUsers(Actor actor) {
		requireSignedIn(actor);
		if (!actor.is(Role.ADMIN)) {
			throw forbidden(actor, "manageUsers");
		}
	}

	/** Reading the audit log: admins and the city supervisor. */
	public static void requireMayReadAudit(Actor actor) {
		requireSignedIn(actor);
		if (!actor.is(Role.ADMIN, Role.CITY_SUPERVISOR)) {
			throw forbidden(actor, "readAudit");
		}
	}

	public static void requireSignedIn(Actor actor) {
		if (actor == null || !actor.signedIn()) {
			throw new ApiException(ErrorCode.UNAUTHENTICATED, null);
		}
	}

	/**
	 * Refuses what a role may not do: {@code error.FORBIDDEN.<what>}, with the role and
	 * the scope as arguments.
	 */
	private static ApiException forbidden(Actor actor, String what, Object... scope) {
		Object[] args = new Object[scope.length + 1];
		args[0] = actor.role();
		System.arraycopy(scope, 0, args, 1, scope.length);
		return ApiException.detailed(ErrorCode.FORBIDDEN, what, null, args);
	}

}
