/**
 * Supervision rules as versioned data: the traffic-light thresholds, the ranking's
 * weights, cap and exemptions, the earned-value divergence threshold and the escalation
 * rule, each version with an effective date. Version 1 holds the configured figures;
 * later versions are published through the API, validated and audited. Every light and
 * score says which version judged it ({@link gov.shaoxing.investment.rules.Explanation}).
 */
package gov.shaoxing.investment.rules;
