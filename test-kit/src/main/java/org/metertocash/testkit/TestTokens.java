package org.metertocash.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs RS256 bearer tokens with the development key pair (the public half ships as the services' default
 * verification key; production configures its own issuer and key). Tests use it to prove that signed tokens,
 * not only the local basic-auth realm, are accepted.
 */
public final class TestTokens {

    public static final String ISSUER = "https://auth.metertocash.example";

    public static String signed(String subject, List<String> groups, Instant expiresAt) {
        return signed(ISSUER, subject, groups, expiresAt);
    }

    /** A token from another issuer, signed with the same key: a service that checks the issuer refuses it. */
    public static String signed(String issuer, String subject, List<String> groups, Instant expiresAt) {
        try {
            Map<String, Object> header = Map.of("alg", "RS256", "typ", "JWT");
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", issuer);
            claims.put("sub", subject);
            claims.put("upn", subject);
            claims.put("groups", groups);
            claims.put("iat", Instant.now().getEpochSecond());
            claims.put("exp", expiresAt.getEpochSecond());
            Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
            String unsigned = url.encodeToString(TestJson.MAPPER.writeValueAsBytes(header)) + "."
                    + url.encodeToString(TestJson.MAPPER.writeValueAsBytes(claims));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey());
            rsa.update(unsigned.getBytes(StandardCharsets.US_ASCII));
            return unsigned + "." + url.encodeToString(rsa.sign());
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    private static PrivateKey privateKey() throws Exception {
        String pem;
        try (InputStream in = TestTokens.class.getResourceAsStream("/jwt/dev-private-key.pem")) {
            if (in == null) {
                throw new IOException("jwt/dev-private-key.pem is missing");
            }
            pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private TestTokens() {
    }
}
