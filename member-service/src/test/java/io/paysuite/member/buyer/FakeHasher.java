package io.paysuite.member.buyer;

/** A hasher fast enough for unit tests that still never stores the secret as it is. */
final class FakeHasher implements SecretHasher, PayPasswordHasher {

    int hashes;

    @Override
    public String hash(String secret) {
        hashes++;
        return encode(secret);
    }

    @Override
    public boolean matches(String secret, String hash) {
        return secret != null && encode(secret).equals(hash);
    }

    @Override
    public boolean isOutdated(String stored) {
        return false;
    }

    private static String encode(String secret) {
        return "h(" + new StringBuilder(secret).reverse() + ")";
    }
}
