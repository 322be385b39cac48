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
		throw forbidden(actor, "report progress for projects in " + districtCode);
	}

	/** Inspections: admins, or an inspector assigned to the district. */
	public static void requireMayInspect(Actor actor, String districtCode) {
		requireSignedIn(actor);
		if (actor.is(Role.ADMIN) || (actor.is(Role.INSPECTOR) && actor.districtCodes().contains(districtCode))) {
			return;
		}
		throw forbidden(actor, "record inspections in " + districtCode);
	}

	/** Economy-wide statistics: admins, or the district's officer. */
	public static void requireMayReportIndicators(Actor actor, String districtCode) {
		requireSignedIn(actor);
		if (actor.is(Role.ADMIN) || (actor.is(Role.DISTRICT_OFFICER) && actor.districtCodes().contains(districtCode))) {
			return;
		}
		throw forbidden(actor, "report statistics for " + districtCode);
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
		throw forbidden(actor, "change notices addressed to " + departmentCode);
	}

	/** Targets: admins and the city supervisor (市产业投资办公室). */
	public static void requireMayChangeTargets(Actor actor) {
		requireSignedIn(actor);
		if (!actor.is(Role.ADMIN, Role.CITY_SUPERVISOR)) {
			throw forbidden(actor, "change targets");
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
		throw forbidden(actor, "change projects of " + districtCode + " led by " + leadDepartmentCode);
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
		throw forbidden(actor, "create projects in " + districtCode);
	}

	/**
	 * The 一对一 liaisons and the officials who serve as them: admins and the city
	 * supervisor.
	 */
	public static void requireMayAssignLiaisons(Actor actor) {
		requireSignedIn(actor);
		if (!actor.is(Role.ADMIN, Role.CITY_SUPERVISOR)) {
			throw forbidden(actor, "assign liaisons or change officials");
		}
	}

	/**
	 * Importing projects: the roles that may create or change projects; every row is then
	 * checked as its mutation would be.
	 */
	public static void requireMayImportProjects(Actor actor) {
		requireSignedIn(actor);
		if (!actor.is(Role.ADMIN, Role.CITY_SUPERVISOR, Role.DISTRICT_OFFICER, Role.DEPARTMENT_OFFICER)) {
			throw forbidden(actor, "import projects");
		}
	}

	/**
	 * Importing progress reports: the roles that may report; every row is then checked as
	 * its mutation would be.
	 */
	public static void requireMayImportReports(Actor actor) {
		requireSignedIn(actor);
		if (!actor.is(Role.ADMIN, Role.DISTRICT_OFFICER, Role.INSPECTOR)) {
			throw forbidden(actor, "import progress reports");
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
			throw forbidden(actor, "manage users");
		}
	}

	/** Reading the audit log: admins and the city supervisor. */
	public static void requireMayReadAudit(Actor actor) {
		requireSignedIn(actor);
		if (!actor.is(Role.ADMIN, Role.CITY_SUPERVISOR)) {
			throw forbidden(actor, "read the audit log");
		}
	}

	public static void requireSignedIn(Actor actor) {
		if (actor == null || !actor.signedIn()) {
			throw new ApiException(ErrorCode.UNAUTHENTICATED, null, "Sign in first (mutation login).");
		}
	}

	private static ApiException forbidden(Actor actor, String what) {
		return new ApiException(ErrorCode.FORBIDDEN, null, "A " + actor.role() + " may not " + what + ".");
	}

}
