package dev.flotilla.config.secret;

import dev.flotilla.common.crypto.KeyMaterial;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Seals and opens secret entry values under the configured master keys ({@link SecretConfig}). A value is bound to
 * its tenant, namespace, key and environment, so a ciphertext moved to another entry does not open.
 */
@ApplicationScoped
public class Secrets {

    private final SecretCipher cipher;

    public Secrets(SecretConfig config) {
        List<byte[]> keys = new ArrayList<>();
        keys.add(KeyMaterial.load(config.masterKey(), Path.of(config.masterKeyFile()),
                "flotilla.config.master-key (FLOTILLA_CONFIG_MASTER_KEY)"));
        config.previousMasterKeys().orElse(List.of()).stream().filter(key -> !key.isBlank()).map(KeyMaterial::fromText)
                .forEach(keys::add);
        this.cipher = new SecretCipher(keys);
    }

    public Sealed seal(String plain, UUID tenant, UUID namespace, String key, String env) {
        return cipher.seal(plain.getBytes(StandardCharsets.UTF_8), associatedData(tenant, namespace, key, env));
    }

    public String open(Sealed sealed, UUID tenant, UUID namespace, String key, String env) {
        return new String(cipher.open(sealed, associatedData(tenant, namespace, key, env)), StandardCharsets.UTF_8);
    }

    /**
     * The place a secret belongs to. The namespace by its id, not its name: a namespace deleted and created again under
     * the same name cannot be handed an old ciphertext. Keys and environments hold no line breaks, so the parts cannot
     * run into each other.
     */
    public static byte[] associatedData(UUID tenant, UUID namespace, String key, String env) {
        return ("flotilla-config\n" + tenant + "\n" + namespace + "\n" + key + "\n" + env).getBytes(StandardCharsets.UTF_8);
    }
}
