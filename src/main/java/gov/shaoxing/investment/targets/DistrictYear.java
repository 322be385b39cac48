package gov.shaoxing.investment.targets;

/** Batch key for {@code District.targets(year)}. */
record DistrictYear(String districtCode, int year) {
}
