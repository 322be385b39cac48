package gov.shaoxing.investment.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.util.List;

import gov.shaoxing.investment.store.StoreProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded issuer's key survives restarts, or comes from configuration. */
class SigningKeysTests {

	static final SecurityProperties.User ANALYST = new SecurityProperties.User("analyst", null, Role.ANALYST, null,
			List.of());

	static final SecurityProperties.SigningKey NONE = new SecurityProperties.SigningKey(null, null, null, null,
			List.of());

	@TempDir
	Path dir;

	DefaultResourceLoader resources = new DefaultResourceLoader();

	private TokenIssuer start(SecurityProperties.SigningKey key, StoreProperties store) {
		return new TokenIssuer(SigningKeys.load(key, store, this.resources), Duration.ofSeconds(30));
	}

	private StoreProperties fileStore() {
		return new StoreProperties(null, StoreProperties.Mode.FILE, this.dir.resolve("data").toString(), false);
	}

	@Test
	void aTokenIssuedBeforeARestartIsStillValidAfterIt() throws Exception {
		String token = start(NONE, fileStore()).issue(ANALYST, Duration.ofHours(1)).value();
		TokenIssuer restarted = start(NONE, fileStore());
		assertThat(restarted.decoder().decode(token).getSubject()).isEqualTo("analyst");
		Path file = this.dir.resolve("data").resolve(SigningKeys.FILE_NAME);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
			.isEqualTo("rwx------");
	}

	@Test
	void theInMemoryStoreKeepsItsKeyInMemoryOnly() {
		StoreProperties memory = new StoreProperties(null, StoreProperties.Mode.MEMORY,
				this.dir.resolve("data").toString(), false);
		String token = start(NONE, memory).issue(ANALYST, Duration.ofHours(1)).value();
		assertThatThrownBy(() -> start(NONE, memory).decoder().decode(token)).isInstanceOf(JwtException.class);
		assertThat(this.dir.resolve("data")).doesNotExist();
	}

	@Test
	void aConfiguredPemKeySignsAndAPreviousKeyStillVerifies() throws Exception {
		Path old = this.dir.resolve("old.pem");
		Path current = this.dir.resolve("current.pem");
		Files.writeString(old, pem());
		Files.writeString(current, pem());
		String before = start(pemKey(old, List.of()), fileStore()).issue(ANALYST, Duration.ofHours(1)).value();
		TokenIssuer rotated = start(pemKey(current, List.of("file:" + old)), fileStore());
		assertThat(rotated.decoder().decode(before).getSubject()).isEqualTo("analyst");
		String after = rotated.issue(ANALYST, Duration.ofHours(1)).value();
		// the old key alone no longer accepts what the new one signs
		assertThatThrownBy(() -> start(pemKey(old, List.of()), fileStore()).decoder().decode(after))
			.isInstanceOf(JwtException.class);
		// and nothing was written to the data directory
		assertThat(this.dir.resolve("data")).doesNotExist();
	}

	@Test
	void aKeystoreKeySigns() throws Exception {
		Path keystore = this.dir.resolve("issuer.p12");
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "jwt", "-keyalg", "RSA", "-keysize", "2048", "-storetype", "PKCS12",
				"-keystore", keystore.toString(), "-storepass", "changeit", "-dname", "CN=issuer", "-validity", "2")
			.redirectErrorStream(true)
			.start();
		keytool.getInputStream().readAllBytes();
		assertThat(keytool.waitFor()).isZero();
		SecurityProperties.SigningKey configured = new SecurityProperties.SigningKey(null, "file:" + keystore,
				"changeit", "jwt", List.of());
		String token = start(configured, fileStore()).issue(ANALYST, Duration.ofHours(1)).value();
		assertThat(start(configured, fileStore()).decoder().decode(token).getSubject()).isEqualTo("analyst");
	}

	private static SecurityProperties.SigningKey pemKey(Path file, List<String> previous) {
		return new SecurityProperties.SigningKey("file:" + file, null, null, null, previous);
	}

	private static String pem() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return SigningKeys.pemText((RSAPrivateCrtKey) generator.generateKeyPair().getPrivate());
	}

}
