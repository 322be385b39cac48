package gov.shaoxing.investment.department;

/** What kind of body a department is. */
public enum DepartmentKind {

	GOVERNMENT_DEPARTMENT, LEADING_GROUP_OFFICE, FINANCIAL_REGULATOR, CITY_LEADERSHIP

}
