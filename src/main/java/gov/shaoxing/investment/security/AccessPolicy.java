package gov.shaoxing.investment.security;

import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ErrorCode;

/**
 * The write rules of the role table, checked by the services themselves whatever path a
 * request takes, and before the input is validated: a caller who may not make a change
 * learns only {@code UNAUTHENTICATED} or {@code FORBIDDEN}. Each change has a check by
 * role alone ({@code requireMay…} without a scope), made before the document it concerns
 * is even looked up, and a check of the scope once it is known. Reads are open to every
 * signed-in user; what anonymous callers may read is marked {@code @signedIn} in the
 * schema.
 */
public final class AccessPolicy {

	private AccessPolicy() {
	}

	/** Progress reports anywhere: admins, district officers and inspectors. */
	public static void requireMayReportProgress(Actor actor) {
		requireRole(actor, "report progress", Role.ADMIN, Role.DISTRICT_OFFICER, Role.INSPECTOR);
	}

	/** Inspections anywhere: admins and inspectors. */
	public static void requireMayInspect(Actor actor) {
		requireRole(actor, "record inspections", Role.ADMIN, Role.INSPECTOR);
	}

	/** Statistics anywhere: admins and district officers. */
	public static void requireMayReportIndicators(Actor actor) {
		requireRole(actor, "report statistics", Role.ADMIN, Role.DISTRICT_OFFICER);
	}

	/** Notices anywhere: admins, the city supervisor and department officers. */
	public static void requireMayHandleNotices(Actor actor) {
		requireRole(actor, "change notices", Role.ADMIN, Role.CITY_SUPERVISOR, Role.DEPARTMENT_OFFICER);
	}

	/** Project records anywhere: admins, department and district officers. */
	public static void requireMayChangeProjects(Actor actor) {
		requireRole(actor, "change projects", Role.ADMIN, Role.DEPARTMENT_OFFICER, Role.DISTRICT_OFFICER);
	}

	private static void requireRole(Actor actor, String what, Role... roles) {
		requireSignedIn(actor);
		if (!actor.is(roles)) {
			throw forbidden(actor, what);
		}
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

	/**
	 * Supervision rules and published bulletins: admins and the city supervisor
	 * (市产业投资办公室).
	 */
	public static void requireMayPublishSupervision(Actor actor, String what) {
		requireSignedIn(actor);
		if (!actor.is(Role.ADMIN, Role.CITY_SUPERVISOR)) {
			throw forbidden(actor, what);
		}
	}

	/**
	 * New projects: admins, the city supervisor, or a district's officer in its own
	 * district.
	 */
	public static void requireMayCreateProject(Actor actor, String districtCode) {
		requireSignedIn(actor);
		if (actor.is(Role.ADMIN, Role.CITY_SUPERVISOR)
				|| (actor.is(Role.DISTRICT_OFFICER) && actor.districtCodes().contains(districtCode))) {
			return;
		}
		throw forbidden(actor, "createProject", districtCode);
	}

	/**
	 * The 一对一 liaisons and the officials who serve as them: admins and the city
	 * supervisor.
	 */
	public static void requireMayAssignLiaisons(Actor actor) {
		requireSignedIn(actor);
		if (!actor.is(Role.ADMIN, Role.CITY_SUPERVISOR)) {
			throw forbidden(actor, "assignLiaisons");
		}
	}

	/**
	 * Importing projects: the roles that may create or change projects; every row is then
	 * checked as its mutation would be.
	 */
	public static void requireMayImportProjects(Actor actor) {
		requireSignedIn(actor);
		if (!actor.is(Role.ADMIN, Role.CITY_SUPERVISOR, Role.DISTRICT_OFFICER, Role.DEPARTMENT_OFFICER)) {
			throw forbidden(actor, "importProjects");
		}
	}

	/**
	 * Importing progress reports: the roles that may report; every row is then checked as
	 * its mutation would be.
	 */
	public static void requireMayImportReports(Actor actor) {
		requireSignedIn(actor);
		if (!actor.is(Role.ADMIN, Role.DISTRICT_OFFICER, Role.INSPECTOR)) {
			throw forbidden(actor, "importReports");
		}
	}

	/** Exports: every signed-in user (they read what the API reads). */
	public static void requireMayExport(Actor actor) {
		requireSignedIn(actor);
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
