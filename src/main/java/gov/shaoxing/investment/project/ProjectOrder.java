package gov.shaoxing.investment.project;

/** One sort key of a project list. */
record ProjectOrder(Field field, Direction direction) {

	/** What to sort by. */
	public enum Field {

		CODE, NAME, DISTRICT, CATEGORY, STATUS, TOTAL_INVESTMENT, PLANNED_INVESTMENT, PLANNED_START, PLANNED_FINISH,
		DISTANCE

	}

	/** Ascending or descending. */
	public enum Direction {

		ASC, DESC

	}

	public Direction direction() {
		return this.direction == null ? Direction.ASC : this.direction;
	}

}
