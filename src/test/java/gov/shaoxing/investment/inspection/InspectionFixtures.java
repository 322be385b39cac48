package gov.shaoxing.investment.inspection;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import gov.shaoxing.investment.common.GlobalId;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.util.MultiValueMap;

/**
 * Inputs and files for inspection tests: a valid inspection of a demo project, and photos
 * of each kind.
 */
final class InspectionFixtures {

	/** DEMO-IND-001 in 绍兴县, where the seed puts it. */
	static final String PROJECT = "DEMO-IND-001";

	static final double PROJECT_LATITUDE = 30.109105;

	static final double PROJECT_LONGITUDE = 120.534911;

	private InspectionFixtures() {
	}

	static String projectId(String code) {
		return GlobalId.encode("Project", code);
	}

	static String newKey() {
		return "insp-" + UUID.randomUUID();
	}

	/**
	 * A valid input: today, on site at DEMO-IND-001, no photos, no problems, a fresh
	 * idempotency key.
	 */
	static Map<String, Object> inspection(LocalDate date) {
		return inspection(PROJECT, date);
	}

	static Map<String, Object> inspection(String projectCode, LocalDate date) {
		Map<String, Object> input = new HashMap<>();
		input.put("projectId", projectId(projectCode));
		input.put("date", date.toString());
		input.put("position", position(PROJECT_LATITUDE + 0.001, PROJECT_LONGITUDE));
		input.put("findings", "主体厂房封顶，设备安装过半。");
		input.put("rating", "ON_TRACK");
		input.put("inspector", "王督查");
		input.put("idempotencyKey", newKey());
		return input;
	}

	static Map<String, Object> position(double latitude, double longitude) {
		Map<String, Object> position = new HashMap<>();
		position.put("latitude", latitude);
		position.put("longitude", longitude);
		position.put("accuracyMeters", 12.5);
		return position;
	}

	static Map<String, Object> problem(String text, String departmentCode) {
		Map<String, Object> problem = new HashMap<>();
		problem.put("text", text);
		problem.put("departmentCode", departmentCode);
		return problem;
	}

	static Map<String, Object> with(Map<String, Object> input, String key, Object value) {
		Map<String, Object> copy = new HashMap<>(input);
		copy.put(key, value);
		return copy;
	}

	static byte[] jpeg(int size) {
		return withMagic(size, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 });
	}

	static byte[] png(int size) {
		return withMagic(size, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
	}

	static byte[] webp(int size) {
		return withMagic(size, new byte[] { 'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P' });
	}

	static byte[] text() {
		return "这不是照片。This is a text file with a .jpg name.\n".repeat(20).getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * A multipart body with the given bytes as field {@code file}, claiming whatever name
	 * and type the client says.
	 */
	static MultiValueMap<String, HttpEntity<?>> upload(byte[] bytes, String filename, MediaType claimedType) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", new ByteArrayResource(bytes) {
			@Override
			public String getFilename() {
				return filename;
			}
		}).contentType(claimedType);
		return body.build();
	}

	private static byte[] withMagic(int size, byte[] magic) {
		byte[] bytes = new byte[size];
		new Random(size).nextBytes(bytes);
		System.arraycopy(magic, 0, bytes, 0, magic.length);
		return bytes;
	}

}
