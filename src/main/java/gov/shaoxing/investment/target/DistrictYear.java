package gov.shaoxing.investment.target;

/** Batch key for {@code District.targets(year)}. */
record DistrictYear(String districtCode, int year) {
}
