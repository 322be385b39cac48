package gov.shaoxing.investment.target;

/** Which targets a query returns: city-wide, per district, or both. */
public enum TargetScope {
	ALL, CITY, DISTRICT
}
