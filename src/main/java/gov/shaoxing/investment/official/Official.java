package gov.shaoxing.investment.official;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person to contact: a city leader or a department cadre. {@code demo} marks invented
 * people.
 */
@Document("officials")
public record Official(@Id String id, String name, String title, @Indexed String departmentCode, String officePhone,
		String mobile, String email, boolean cityLeader, boolean demo) {
}
