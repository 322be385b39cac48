package gov.shaoxing.investment.project;

/** 资金来源: the statistics system's funding-source classes. */
public enum FundingSourceKind {

	/** 国家预算内资金. */
	BUDGET("预算内"),
	/** 国内贷款. */
	DOMESTIC_LOAN("国内贷款"),
	/** 自筹资金. */
	SELF_RAISED("自筹"),
	/** 利用外资. */
	FOREIGN("利用外资"),
	/** 其他资金. */
	OTHER("其他");

	private final String label;

	FundingSourceKind(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
