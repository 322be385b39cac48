package gov.shaoxing.investment.district;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An assessment unit of the plan (县、市、区 or development zone), or 市直; {@code code} is its
 * stable key.
 */
@Document("districts")
public record District(@Id String code, @Indexed(unique = true) String name, String englishName, DistrictKind kind,
		int planOrder) {
}
