package gov.shaoxing.investment.project;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The GB/T 4754-2017 table shipped in {@code seed/gbt-4754-2017.json}: sections (门类 A–T)
 * and their two-digit divisions (大类 01–97), to check and name a project's industry.
 */
@Component
class IndustryCatalog {

	private final Map<String, String> sections = new LinkedHashMap<>();

	private final Map<String, String> divisions = new LinkedHashMap<>();

	private final Map<String, String> sectionOfDivision = new LinkedHashMap<>();

	IndustryCatalog() {
		ObjectMapper json = new ObjectMapper();
		try (InputStream in = new ClassPathResource("seed/gbt-4754-2017.json").getInputStream()) {
			for (JsonNode section : json.readTree(in).get("sections")) {
				String code = section.get("code").asString();
				this.sections.put(code, section.get("name").asString());
				for (JsonNode division : section.get("divisions")) {
					this.divisions.put(division.get("code").asString(), division.get("name").asString());
					this.sectionOfDivision.put(division.get("code").asString(), code);
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the GB/T 4754-2017 table", ex);
		}
	}

	public boolean isSection(String code) {
		return this.sections.containsKey(code);
	}

	/** Whether {@code division} is a division of {@code section}. */
	public boolean isDivisionOf(String division, String section) {
		return section != null && section.equals(this.sectionOfDivision.get(division));
	}

	public String sectionName(String code) {
		return this.sections.get(code);
	}

	public String divisionName(String code) {
		return this.divisions.get(code);
	}

	/** The section a division belongs to, or null. */
	public String sectionOf(String division) {
		return this.sectionOfDivision.get(division);
	}

}
