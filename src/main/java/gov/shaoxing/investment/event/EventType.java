package gov.shaoxing.investment.event;

/** What happened. */
public enum EventType {

	/**
	 * A progress report became a project's current report for its period; subject: the
	 * report id.
	 */
	PROGRESS_REPORTED,
	/** A project's traffic light changed; subject: the project code. */
	PROJECT_LIGHT_CHANGED,
	/**
	 * A project's progress roll-up changed; subject: the project code. Keeps other
	 * instances' read models fresh.
	 */
	PROGRESS_CHANGED,
	/** A notice was raised or changed status; subject: the notice id. */
	NOTICE_CHANGED,
	/**
	 * A district's economy-wide statistic was reported; subject: the indicator report id.
	 */
	INDICATOR_REPORTED,
	/**
	 * A target's figures were revised; subject: the target id. Keeps other instances'
	 * read models fresh.
	 */
	TARGET_CHANGED,
	/**
	 * A project's record was changed; subject: the project code. Keeps other instances'
	 * read models fresh.
	 */
	PROJECT_CHANGED,
	/**
	 * A user of the embedded issuer was created or changed; subject: the user name.
	 * Revokes tokens everywhere.
	 */
	USER_CHANGED,
	/**
	 * A new version of the supervision rules was published; subject: its version number.
	 */
	RULES_PUBLISHED,
	/**
	 * An official was created or changed; subject: the official's id. Keeps other
	 * instances' read models fresh.
	 */
	OFFICIAL_CHANGED

}
