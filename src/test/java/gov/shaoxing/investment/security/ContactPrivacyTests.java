package gov.shaoxing.investment.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import gov.shaoxing.investment.GraphQlTesters;
import gov.shaoxing.investment.QuietServiceTest;
import gov.shaoxing.investment.common.GlobalId;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The anonymous-leak test: walks every schema path from Query to an Official (found by
 * introspection, through connections, lists and the Node interface, with aliases and
 * fragments), asks it anonymously, and proves no phone number or e-mail comes back.
 */
@QuietServiceTest
class ContactPrivacyTests {

	private static final Set<String> CONTACT = Set.of("officePhone", "mobile", "email");

	private static final int MAX_DEPTH = 6;

	@LocalServerPort
	int port;

	private Map<String, Map<String, Object>> types;

	private Map<String, Object> post(String query) {
		return GraphQlTesters.client(this.port)
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(32 * 1024 * 1024))
			.build()
			.post()
			.uri("/graphql")
			.header("Content-Type", "application/json")
			.bodyValue(Map.of("query", query))
			.exchange()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	@Test
	void noSchemaPathGivesAnonymousCallersAnOfficialsContactDetails() {
		loadSchema();
		List<String> paths = new ArrayList<>();
		walk("Query", "", 0, new LinkedHashSet<>(List.of("Query")), paths);
		assertThat(paths).as("paths from Query to Official").hasSizeGreaterThan(5);
		int reached = 0;
		for (String selection : paths) {
			String query = "{ " + selection + " }";
			Map<String, Object> response = post(query);
			List<Object> leaks = new ArrayList<>();
			int officials = collect(response.get("data"), leaks);
			assertThat(leaks).as("contact details leaked by " + query).isEmpty();
			if (officials > 0) {
				reached++;
				assertThat(String.valueOf(response.get("errors"))).as(query)
					.contains("CONTACT_DETAILS_REQUIRE_SIGN_IN");
			}
		}
		assertThat(reached).as("paths that actually reached an official").isGreaterThan(3);
	}

	@Test
	void aliasesAndFragmentsDoNotGetAround() {
		String project = GlobalId.encode("Project", "DEMO-IND-001");
		Map<String, Object> response = post("{ a: project(id: \"" + project + "\") { ...L } b: node(id: \"" + project
				+ "\") { ... on Project { liaison { x: cadre { p: mobile q: officePhone r: email name } } } } "
				+ "c: department(code: \"JXW\") { officials { ... on Official { m: mobile } } } } "
				+ "fragment L on Project { liaison { cityLeader { mobile email officePhone name } } }");
		List<Object> leaks = new ArrayList<>();
		collect(response.get("data"), leaks);
		assertThat(leaks).isEmpty();
		assertThat(String.valueOf(response.get("data"))).contains("name=");
		assertThat(String.valueOf(response.get("errors"))).contains("CONTACT_DETAILS_REQUIRE_SIGN_IN");
	}

	/**
	 * Counts officials in the data (objects with a name under a contact-bearing
	 * selection) and collects leaks.
	 */
	@SuppressWarnings("unchecked")
	private static int collect(Object node, List<Object> leaks) {
		int officials = 0;
		if (node instanceof Map<?, ?> map) {
			boolean official = false;
			for (Map.Entry<?, ?> e : map.entrySet()) {
				String key = String.valueOf(e.getKey());
				if (CONTACT.contains(key) || key.equals("p") || key.equals("q") || key.equals("r") || key.equals("m")) {
					official = true;
					if (e.getValue() != null) {
						leaks.add(key + "=" + e.getValue());
					}
				}
				else {
					officials += collect(e.getValue(), leaks);
				}
			}
			if (official) {
				officials++;
			}
		}
		else if (node instanceof List<?> list) {
			for (Object item : list) {
				officials += collect(item, leaks);
			}
		}
		return officials;
	}

	@SuppressWarnings("unchecked")
	private void loadSchema() {
		Map<String, Object> result = post("{ __schema { types { name kind possibleTypes { name } fields { name "
				+ "args { name type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } "
				+ "type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }");
		this.types = new HashMap<>();
		Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) result.get("data")).get("__schema");
		for (Map<String, Object> type : (List<Map<String, Object>>) schema.get("types")) {
			this.types.put((String) type.get("name"), type);
		}
	}

	/** Depth-first over simple paths; a path ends at the first Official it reaches. */
	@SuppressWarnings("unchecked")
	private void walk(String typeName, String prefix, int depth, Set<String> onPath, List<String> out) {
		if (depth >= MAX_DEPTH) {
			return;
		}
		Map<String, Object> type = this.types.get(typeName);
		if ("INTERFACE".equals(type.get("kind"))) {
			for (Map<String, Object> possible : (List<Map<String, Object>>) type.get("possibleTypes")) {
				String name = (String) possible.get("name");
				if (!onPath.contains(name)) {
					onPath.add(name);
					walk(name, prefix + "... on " + name + " { ", depth, onPath, collectInto(out, " }"));
					onPath.remove(name);
				}
			}
			return;
		}
		List<Map<String, Object>> fields = (List<Map<String, Object>>) type.get("fields");
		if (fields == null) {
			return;
		}
		for (Map<String, Object> field : fields) {
			String name = (String) field.get("name");
			if (name.startsWith("__")) {
				continue;
			}
			String target = namedType((Map<String, Object>) field.get("type"));
			String kind = (String) this.types.get(target).get("kind");
			if (!"OBJECT".equals(kind) && !"INTERFACE".equals(kind)) {
				continue;
			}
			String args = arguments(typeName, name, (List<Map<String, Object>>) field.get("args"));
			if (args == null) {
				continue;
			}
			String step = prefix + name + args + " { ";
			if (target.equals("Official")) {
				out.add(close(step + "name officePhone mobile email }", prefix));
				continue;
			}
			if (onPath.contains(target)) {
				continue;
			}
			onPath.add(target);
			walk(target, step, depth + 1, onPath, collectInto(out, " }"));
			onPath.remove(target);
		}
	}

	/**
	 * A list that appends a closing brace to every path added to it, then adds it to the
	 * outer list.
	 */
	private static List<String> collectInto(List<String> out, String suffix) {
		return new ArrayList<>() {
			@Override
			public boolean add(String path) {
				return out.add(path + suffix);
			}
		};
	}

	private static String close(String selection, String prefix) {
		return selection;
	}

	@SuppressWarnings("unchecked")
	private static String namedType(Map<String, Object> type) {
		Map<String, Object> t = type;
		while (t.get("name") == null) {
			t = (Map<String, Object>) t.get("ofType");
		}
		return (String) t.get("name");
	}

	/** Values for arguments, or null when a required one cannot be filled. */
	@SuppressWarnings("unchecked")
	private static String arguments(String parent, String field, List<Map<String, Object>> args) {
		List<String> parts = new ArrayList<>();
		for (Map<String, Object> arg : args) {
			String name = (String) arg.get("name");
			boolean required = "NON_NULL".equals(((Map<String, Object>) arg.get("type")).get("kind"));
			String value = switch (name) {
				case "year" -> "2012";
				case "month" -> "6";
				case "quarter" -> "2";
				case "first" -> "2";
				case "by" -> "DISTRICT";
				case "code" -> field.equals("department") ? "\"JXW\""
						: field.equals("projectByCode") ? "\"DEMO-IND-001\"" : "\"ZHUJI\"";
				case "id" -> "\"" + GlobalId.encode("Project", "DEMO-IND-001") + "\"";
				case "nationalCode" -> "\"2012-330621-26-03-000001\"";
				default -> null;
			};
			if (value == null) {
				if (required) {
					return null;
				}
				continue;
			}
			if (required || name.equals("first")) {
				parts.add(name + ": " + value);
			}
		}
		return parts.isEmpty() ? "" : "(" + String.join(", ", parts) + ")";
	}

}
