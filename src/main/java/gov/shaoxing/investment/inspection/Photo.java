package gov.shaoxing.investment.inspection;

/** An uploaded photo: its id, the type detected from its bytes and its size in bytes. */
public record Photo(String id, String contentType, long size) {

	/** Where the photo is served, relative to the service's base URL. */
	public String url() {
		return "/photos/" + this.id;
	}

}
