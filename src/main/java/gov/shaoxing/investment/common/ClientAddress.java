package gov.shaoxing.investment.common;

/**
 * Which address a request comes from, told the same way by the rate limiter and the
 * sign-in limiter: the connection's address, or the first {@code X-Forwarded-For} address
 * when the service sits behind a proxy that sets it
 * ({@code investment.limits.rate.trust-forwarded-for}).
 */
public final class ClientAddress {

	public static final String PROPERTY = "investment.limits.rate.trust-forwarded-for";

	private ClientAddress() {
	}

	public static String of(String remoteAddress, String forwardedFor, boolean trustForwardedFor) {
		if (trustForwardedFor && forwardedFor != null && !forwardedFor.isBlank()) {
			return forwardedFor.split(",")[0].strip();
		}
		return remoteAddress == null ? "unknown" : remoteAddress;
	}

}
