package gov.shaoxing.investment.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Makes cursors tamper-evident: each carries an HMAC-SHA256 tag (truncated to 96 bits) of
 * its content, so an edited cursor is refused instead of paging from wherever it points.
 * The key is {@code investment.paging.cursor-key} when set (every instance of a
 * deployment must share it); otherwise one generated once and kept in the store's
 * {@code settings} collection, which every instance sharing the store reads, so cursors
 * stay valid across instances and restarts.
 */
final class CursorSigner {

	static final String SETTINGS = "settings";

	static final String KEY_ID = "cursor-key";

	private static final int TAG_BYTES = 12;

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final Supplier<byte[]> keySource;

	private volatile byte[] key;

	CursorSigner(Supplier<byte[]> keySource) {
		this.keySource = keySource;
	}

	static CursorSigner configuredOrStored(String configured, MongoTemplate mongo) {
		CursorSigner signer = (configured != null && !configured.isBlank())
				? new CursorSigner(() -> configured.getBytes(StandardCharsets.UTF_8))
				: new CursorSigner(() -> storedKey(mongo));
		try {
			// read at start-up, so no request pays for it; a store that is down now is
			// asked again at the first cursor
			signer.key();
		}
		catch (RuntimeException ex) {
			// left for later
		}
		return signer;
	}

	private static byte[] storedKey(MongoTemplate mongo) {
		MongoCollection<Document> settings = mongo.getCollection(SETTINGS);
		Document stored = settings.find(Filters.eq("_id", KEY_ID)).first();
		if (stored == null) {
			byte[] fresh = new byte[32];
			new SecureRandom().nextBytes(fresh);
			try {
				settings
					.insertOne(new Document("_id", KEY_ID).append("value", Base64.getEncoder().encodeToString(fresh)));
				return fresh;
			}
			catch (MongoWriteException ex) {
				if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
					throw ex;
				}
				// another instance stored its key first: use that one
				stored = settings.find(Filters.eq("_id", KEY_ID)).first();
			}
		}
		return Base64.getDecoder().decode(stored.getString("value"));
	}

	private byte[] key() {
		byte[] current = this.key;
		if (current == null) {
			synchronized (this) {
				if (this.key == null) {
					this.key = this.keySource.get();
				}
				current = this.key;
			}
		}
		return current;
	}

	String sign(String cursor) {
		return cursor + "." + ENCODER.encodeToString(tag(cursor));
	}

	/** The cursor without its tag, or {@code null} when the tag is not its own. */
	String verify(String signed) {
		int dot = signed.lastIndexOf('.');
		if (dot <= 0) {
			return null;
		}
		String cursor = signed.substring(0, dot);
		byte[] given;
		try {
			given = Base64.getUrlDecoder().decode(signed.substring(dot + 1));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		return MessageDigest.isEqual(given, tag(cursor)) ? cursor : null;
	}

	private byte[] tag(String cursor) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			return Arrays.copyOf(mac.doFinal(cursor.getBytes(StandardCharsets.UTF_8)), TAG_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
