package gov.shaoxing.investment.imports;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import gov.shaoxing.investment.common.GlobalId;
import gov.shaoxing.investment.progress.SubmitProgressReportInput;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

/**
 * Progress template rows to the input {@code submitProgressReport} takes. The idempotency
 * key is derived from the row's content, so the same row sent again is a retry that
 * writes nothing, while changed figures make a new report for the period.
 */
@Mapper(imports = GlobalId.class)
interface ProgressRowMapper {

	@Mapping(target = "projectId", expression = "java(GlobalId.encode(\"Project\", row.projectCode))")
	@Mapping(target = "period.year", source = "year")
	@Mapping(target = "period.month", source = "month")
	@Mapping(target = "period.half", source = "half")
	@Mapping(target = "milestones", ignore = true)
	@Mapping(target = "problems", ignore = true)
	@Mapping(target = "idempotencyKey", expression = "java(idempotencyKey(row))")
	SubmitProgressReportInput toInput(ProgressRow row);

	default String idempotencyKey(ProgressRow row) {
		String canonical = row.projectCode + "|" + row.year + "-" + row.month + "-" + row.half + "|"
				+ plain(row.investmentCompleted) + "|" + plain(row.physicalProgressPercent) + "|"
				+ (row.note == null ? "" : row.note.strip());
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
			return "import-" + HexFormat.of().formatHex(hash, 0, 20);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String plain(BigDecimal value) {
		return value == null ? "" : value.stripTrailingZeros().toPlainString();
	}

}
