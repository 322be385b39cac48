package gov.shaoxing.investment.progress;

/** The traffic light of a project. */
public enum Light {

	GREEN, YELLOW, RED

}
