package dev.flotilla.auth.token;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The streamed JSON of the busiest answer is the JSON data binding writes. */
class TokenPairWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTokenPairIsWrittenAsJacksonWritesIt() throws Exception {
        TokenPair pair = new TokenPair("eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "r3fr3sh_T0ken-x", "Bearer", 900);

        assertEquals(JSON.writeValueAsString(pair), new String(TokenPairWriter.json(pair), StandardCharsets.UTF_8));
    }

    @Test
    void stringsAreEscapedAsJsonRequires() throws Exception {
        String awkward = "quote \" backslash \\ slash / newline \n tab \t nul \u0000 unit \u001f é ☃ 😀";

        TokenPair pair = new TokenPair(awkward, awkward, "Bearer", 900);

        assertEquals(pair, JSON.readValue(TokenPairWriter.json(pair), TokenPair.class));
    }

    @Test
    void everyMemberOfATokenPairReadsBackUnchanged() throws Exception {
        TokenPair pair = new TokenPair("a\"b", "c\\d", "Bearer", 3600);

        Map<?, ?> read = JSON.readValue(TokenPairWriter.json(pair), Map.class);

        assertEquals(Map.of("accessToken", "a\"b", "refreshToken", "c\\d", "tokenType", "Bearer", "expiresIn", 3600), read);
    }
}
