/**
 * Departments and offices the plan names as leads or co-implementers.
 */
package gov.shaoxing.investment.department;
