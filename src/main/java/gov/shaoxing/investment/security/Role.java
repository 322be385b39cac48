package gov.shaoxing.investment.security;

/** What a signed-in user may change (everyone signed in may read everything). */
public enum Role {

	/** Everything, including users and targets. */
	ADMIN,
	/** 市产业投资办公室: targets and notices. */
	CITY_SUPERVISOR,
	/** Its own department's projects and notices. */
	DEPARTMENT_OFFICER,
	/** Its own district's projects, reports and indicator reports. */
	DISTRICT_OFFICER,
	/** Reports and inspections in the districts assigned to it. */
	INSPECTOR,
	/** Reads only. */
	ANALYST

}
