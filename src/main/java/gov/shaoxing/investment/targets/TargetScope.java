package gov.shaoxing.investment.targets;

/** Which targets a query returns: city-wide, per district, or both. */
public enum TargetScope {

	ALL, CITY, DISTRICT

}
