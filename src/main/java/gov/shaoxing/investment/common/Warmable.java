package gov.shaoxing.investment.common;

/**
 * An in-memory read model that can load itself before the web server takes requests
 * ({@link ReadModelWarmer}), so the first requests do not pay for it.
 */
public interface Warmable {

	/** Loads what is not loaded yet; a no-op when the read model is off. */
	void warm();

}
