package gov.shaoxing.investment.district;

import java.util.List;

import gov.shaoxing.investment.common.GlobalId;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class DistrictController {

	private final DistrictService districts;

	DistrictController(DistrictService districts) {
		this.districts = districts;
	}

	@QueryMapping
	List<District> districts() {
		return this.districts.all();
	}

	@QueryMapping
	District district(@Argument String code) {
		return this.districts.byCode(code);
	}

	@SchemaMapping
	String id(District district) {
		return GlobalId.encode("District", district.code());
	}

}
