package dev.flotilla.config.secret;

/** A secret as stored: the id of the master key that sealed it, and its nonce followed by the AES-GCM ciphertext. */
public record Sealed(String keyId, byte[] bytes) {
}
