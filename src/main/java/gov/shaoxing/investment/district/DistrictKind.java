package gov.shaoxing.investment.district;

/** What kind of unit a district is. */
public enum DistrictKind {

	COUNTY, COUNTY_LEVEL_CITY, DISTRICT, DEVELOPMENT_ZONE, NEW_AREA, CITY_DIRECT

}
