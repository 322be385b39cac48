package gov.shaoxing.investment.imports;

import java.text.Normalizer;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One column of a template: its stable English key (the second header row), its Chinese
 * header with the unit, whether a row needs it, an example value, and how a cell is read
 * into a row and a row written back to a cell.
 */
record Column<R>(String key, String header, boolean required, String example, BiConsumer<R, String> read,
		Function<R, String> write) {

	/** The header without the unit or the required mark: 总投资(亿元)* → 总投资. */
	String bareHeader() {
		String h = this.header.replace("*", "");
		int paren = h.indexOf('(');
		return (paren > 0 ? h.substring(0, paren) : h).strip();
	}

	/** Whether a header cell names this column: by key, header or bare header. */
	boolean named(String cell) {
		String c = Cells.normalised(cell);
		if (c == null) {
			return false;
		}
		String n = Normalizer.normalize(this.header, Normalizer.Form.NFKC);
		return c.equalsIgnoreCase(this.key) || c.equals(n) || c.equals(n.replace("*", "").strip())
				|| c.equals(bareHeader());
	}

}
