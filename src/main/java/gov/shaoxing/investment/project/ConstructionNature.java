package gov.shaoxing.investment.project;

/** 建设性质: what the project builds relative to what exists. */
public enum ConstructionNature {

	/** 新建. */
	NEW("新建"),
	/** 扩建. */
	EXPANSION("扩建"),
	/** 改建. */
	RECONSTRUCTION("改建"),
	/** 迁建. */
	RELOCATION("迁建"),
	/** 恢复. */
	RESTORATION("恢复");

	private final String label;

	ConstructionNature(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
