package gov.shaoxing.investment.targets;

/** The plan's units of measure. */
public enum Unit {

	YI_YUAN("亿元"), WAN_YUAN("万元"), WAN_USD("万美元"), PERCENT("%"), COUNT("只");

	private final String label;

	Unit(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
