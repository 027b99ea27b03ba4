package dev.flotilla.common.identity;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwt.JwtClaims;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The principal of a verified access token. It differs from SmallRye JWT's own in two ways, both
 * because one principal serves every request its token is sent with ({@link RememberedTokens}):
 * <ul>
 * <li>reading a claim the MicroProfile JWT specification does not name (our {@code tid},
 * {@code sid}) constructs no exception. SmallRye finds a claim's type with {@code Claims.valueOf},
 * which throws for every custom name, and building that exception's stack trace, a hundred frames
 * deep inside a request, cost more than the rest of reading the tenant;</li>
 * <li>the groups (roles) are read from the claims once, not copied into a new set per request;
 * the set is unmodifiable.</li>
 * </ul>
 */
public class VerifiedToken extends DefaultJWTCallerPrincipal {

    private static final Map<String, Claims> STANDARD_CLAIMS = Arrays.stream(Claims.values())
            .collect(Collectors.toUnmodifiableMap(Claims::name, Function.identity()));

    /** {@code type}: the token's {@code typ} header, if any; {@code claims}: the verified claims, with the raw token. */
    public VerifiedToken(String type, JwtClaims claims) {
        super(type, claims);
    }

    /** For a verifier whose claims do not carry the raw token. */
    public VerifiedToken(String rawToken, String type, JwtClaims claims) {
        super(rawToken, type, claims);
    }

    private volatile Set<String> groups;

    @Override
    public Set<String> getGroups() {
        Set<String> read = groups;
        if (read == null) {
            read = Set.copyOf(super.getGroups());
            groups = read;
        }
        return read;
    }

    @Override
    protected Claims getClaimType(String claimName) {
        return STANDARD_CLAIMS.getOrDefault(claimName, Claims.UNKNOWN);
    }
}
