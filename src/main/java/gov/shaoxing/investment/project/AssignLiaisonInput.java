package gov.shaoxing.investment.project;

/**
 * {@code assignLiaison}: the project, the city leader and cadre by their global IDs, the
 * department by its code, and why.
 */
record AssignLiaisonInput(String projectId, String cityLeaderId, String departmentCode, String cadreId, String reason,
		Integer expectedRevision) {
}
