package gov.shaoxing.investment.project;

/** 投资主体: who owns the investing enterprise. */
public enum InvestorType {

	/** 国有. */
	STATE("国有"),
	/** 民营. */
	PRIVATE("民营"),
	/** 外商. */
	FOREIGN("外商"),
	/** 港澳台. */
	HK_MACAO_TAIWAN("港澳台"),
	/** 混合所有制. */
	MIXED("混合");

	private final String label;

	InvestorType(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
