package gov.shaoxing.investment.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import gov.shaoxing.investment.store.StoreProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ssl.pem.PemContent;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Finds the embedded issuer's RSA keys. A key given in configuration (PEM or keystore)
 * wins; otherwise the key is kept in the data directory, readable by the service's user
 * only, so tokens outlive a restart; with the in-memory store, whose data does not
 * outlive one either, a key is made for this run. Key ids are the keys' thumbprints, the
 * same on every start.
 */
final class SigningKeys {

	static final String FILE_NAME = "signing-key.pem";

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	private SigningKeys() {
	}

	/** The key that signs, and the keys that verify (it first, then previous ones). */
	record Keys(RSAKey signing, List<RSAKey> verifying) {
	}

	static Keys load(SecurityProperties.SigningKey config, StoreProperties store, ResourceLoader resources) {
		RSAKey signing;
		if (config.configured()) {
			signing = configured(config, resources);
			log.info("Embedded issuer signs with the configured key {}", signing.getKeyID());
		}
		else if (store.embedded() && store.mode() == StoreProperties.Mode.MEMORY) {
			signing = rsaKey(generate());
			log.info("Embedded issuer signs with a key made for this run (in-memory store)");
		}
		else {
			Path file = Path.of(store.dataDir()).resolve(FILE_NAME);
			signing = rsaKey(keptIn(file));
			log.info("Embedded issuer signs with the key kept in {}", file);
		}
		List<RSAKey> verifying = new ArrayList<>(List.of(signing));
		for (String previous : config.previous()) {
			verifying.add(rsaKey(pem(previous, resources)));
		}
		return new Keys(signing, List.copyOf(verifying));
	}

	private static RSAKey configured(SecurityProperties.SigningKey config, ResourceLoader resources) {
		if (config.location() != null && !config.location().isBlank()) {
			return rsaKey(pem(config.location(), resources));
		}
		try (InputStream in = resources.getResource(config.keystore()).getInputStream()) {
			char[] password = config.keystorePassword() == null ? new char[0] : config.keystorePassword().toCharArray();
			KeyStore keystore = KeyStore.getInstance(config.keystore().endsWith(".jks") ? "JKS" : "PKCS12");
			keystore.load(in, password);
			String alias = config.alias() != null ? config.alias() : keystore.aliases().nextElement();
			if (!(keystore.getKey(alias, password) instanceof RSAPrivateCrtKey key)) {
				throw new IllegalStateException("investment.security.signing-key.keystore has no RSA private key "
						+ "under the alias " + alias);
			}
			return rsaKey(key);
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot read investment.security.signing-key.keystore: " + ex, ex);
		}
	}

	private static RSAPrivateCrtKey pem(String location, ResourceLoader resources) {
		Resource resource = resources.getResource(location);
		try (InputStream in = resource.getInputStream()) {
			return rsa(PemContent.load(in).getPrivateKey(), location);
		}
		catch (IOException | RuntimeException ex) {
			throw new IllegalStateException("Cannot read the PEM private key " + location + ": " + ex, ex);
		}
	}

	/**
	 * The key in {@code file}, made and written first if there is none: a temporary file
	 * created owner-only and moved into place, so no other user ever sees it and a crash
	 * never leaves half a key.
	 */
	private static RSAPrivateCrtKey keptIn(Path file) {
		try {
			if (Files.exists(file)) {
				return rsa(PemContent.load(file).getPrivateKey(), file.toString());
			}
			Path dir = file.toAbsolutePath().getParent();
			if (!Files.isDirectory(dir)) {
				Files.createDirectories(dir, ownerOnly("rwx------"));
			}
			RSAPrivateCrtKey key = generate();
			Path temporary = Files.createTempFile(dir, FILE_NAME, ".tmp", ownerOnly("rw-------"));
			Files.writeString(temporary, pemText(key), StandardCharsets.US_ASCII);
			try {
				Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (FileAlreadyExistsException ex) {
				// another start made one meanwhile: use that one
				Files.deleteIfExists(temporary);
				return rsa(PemContent.load(file).getPrivateKey(), file.toString());
			}
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot keep the signing key in " + file, ex);
		}
	}

	private static FileAttribute<?>[] ownerOnly(String permissions) {
		boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
		return posix
				? new FileAttribute<?>[] {
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions)) }
				: new FileAttribute<?>[0];
	}

	static String pemText(RSAPrivateCrtKey key) {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(key.getEncoded());
		return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
	}

	private static RSAPrivateCrtKey generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static RSAPrivateCrtKey rsa(PrivateKey key, String where) {
		if (key instanceof RSAPrivateCrtKey rsa) {
			return rsa;
		}
		throw new IllegalStateException(where + " holds no RSA private key");
	}

	static RSAKey rsaKey(RSAPrivateCrtKey key) {
		try {
			BigInteger modulus = key.getModulus();
			RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
				.generatePublic(new RSAPublicKeySpec(modulus, key.getPublicExponent()));
			RSAKey jwk = new RSAKey.Builder(publicKey).privateKey(key).build();
			return new RSAKey.Builder(jwk).keyID(jwk.computeThumbprint().toString()).build();
		}
		catch (GeneralSecurityException | JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
