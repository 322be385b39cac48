package gov.shaoxing.investment.project;

/**
 * Plain spherical geometry, so that "near me" works on stores without geo operators: a
 * bounding box that an ordinary index can serve, refined by exact great-circle distance.
 */
final class Geo {

	static final double EARTH_RADIUS_KM = 6371.0088;

	private static final double KM_PER_DEGREE_LATITUDE = Math.PI * EARTH_RADIUS_KM / 180;

	private Geo() {
	}

	static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLon = Math.toRadians(lon2 - lon1);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
				* Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
		return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
	}

	/** {@code [minLat, maxLat, minLon, maxLon]} of a box that contains the circle. */
	static double[] boundingBox(double lat, double lon, double radiusKm) {
		double dLat = radiusKm / KM_PER_DEGREE_LATITUDE;
		double cos = Math.cos(Math.toRadians(Math.min(89.9, Math.abs(lat) + dLat)));
		double dLon = Math.min(180, radiusKm / (KM_PER_DEGREE_LATITUDE * Math.max(cos, 1e-6)));
		return new double[] { lat - dLat, lat + dLat, lon - dLon, lon + dLon };
	}

}
