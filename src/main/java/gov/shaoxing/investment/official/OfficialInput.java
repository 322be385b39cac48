package gov.shaoxing.investment.official;

/**
 * {@code createOfficial} and {@code updateOfficial}: for an update, {@code id} names the
 * official and fields left null stay as they are (an empty string clears a contact).
 */
record OfficialInput(String id, String code, String name, String title, String departmentCode, String officePhone,
		String mobile, String email, Boolean cityLeader) {
}
