package gov.shaoxing.investment.department;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A department or office that the plan names as lead or co-implementer; {@code code} is
 * its stable key.
 */
@Document("departments")
public record Department(@Id String code, @Indexed(unique = true) String name, String englishName, DepartmentKind kind,
		int planOrder) {
}
