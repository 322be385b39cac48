package gov.shaoxing.investment.codes;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The valid codes closest to a mistyped one: by edit distance to each code (case ignored)
 * and to each name, at most three.
 */
final class Suggestions {

	private Suggestions() {
	}

	/**
	 * @param names every valid code and its name
	 */
	static List<String> closest(String given, Map<String, String> names) {
		String typed = given.strip().toUpperCase(Locale.ROOT);
		record Scored(String code, int distance) {
		}
		List<Scored> scored = names.entrySet()
			.stream()
			.map((entry) -> new Scored(entry.getKey(),
					Math.min(distance(typed, entry.getKey().toUpperCase(Locale.ROOT)),
							distance(given.strip(), entry.getValue()))))
			.sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::code))
			.toList();
		int best = scored.isEmpty() ? 0 : scored.get(0).distance();
		int allowed = Math.max(2, typed.length() / 2);
		return scored.stream()
			.filter((s) -> s.distance() <= Math.max(best, allowed) && s.distance() <= best + 1)
			.limit(3)
			.map(Scored::code)
			.toList();
	}

	/** Levenshtein distance. */
	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
