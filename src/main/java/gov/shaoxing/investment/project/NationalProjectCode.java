package gov.shaoxing.investment.project;

import java.util.regex.Pattern;

import gov.shaoxing.investment.common.ApiException;
import gov.shaoxing.investment.common.ErrorCode;

/**
 * The 24-character national investment-project code (全国投资项目在线审批监管平台项目代码):
 * {@code YYYY-RRRRRR-II-TT-NNNNNN}, i.e. year, 6-digit region, 2-digit industry, 2-digit
 * type and 6-digit serial.
 */
final class NationalProjectCode {

	private static final Pattern FORMAT = Pattern.compile("(19|20)\\d{2}-\\d{6}-\\d{2}-\\d{2}-\\d{6}");

	private NationalProjectCode() {
	}

	public static boolean isValid(String code) {
		return code != null && FORMAT.matcher(code).matches();
	}

	/**
	 * Returns the code, failing with {@code INVALID_PROJECT_CODE} when it is malformed.
	 */
	public static String require(String code, String field) {
		String trimmed = code == null ? null : code.trim();
		if (!isValid(trimmed)) {
			throw new ApiException(ErrorCode.INVALID_PROJECT_CODE, field);
		}
		return trimmed;
	}

}
