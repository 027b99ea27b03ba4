package dev.flotilla.conversation.openai;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.NotFoundException;
import com.openai.errors.UnauthorizedException;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.models.Model;
import dev.flotilla.conversation.ConversationApi;
import dev.flotilla.conversation.chat.PolicyServer;
import dev.flotilla.conversation.model.LocalModelServer;
import dev.flotilla.conversation.model.LocalModelServerResource;
import dev.flotilla.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.List;
import java.util.UUID;

import static dev.flotilla.conversation.ConversationApi.messages;
import static dev.flotilla.conversation.ConversationApi.path;
import static dev.flotilla.conversation.model.LocalModelServerResource.OTHER;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The official OpenAI Java SDK, unchanged, talking to the door with a Flotilla token as its API key. */
@QuarkusTest
@QuarkusTestResource(LocalModelServerResource.class)
@QuarkusTestResource(PolicyServer.class)
class OpenAiDoorTest {

    private static final String MODEL = "echo-2";

    private final ConversationApi api = new ConversationApi();

    LocalModelServer server;

    @TestHTTPResource
    URL base;

    @AfterEach
    void forget() {
        server.reset(OTHER);
    }

    private OpenAIClient sdk(String apiKey) {
        return OpenAIOkHttpClient.builder().baseUrl(base.toString().replaceAll("/$", "") + "/v1").apiKey(apiKey)
                .maxRetries(0).build();
    }

    private OpenAIClient sdkOf(String user) {
        return sdk(TestTokens.user(user, api.tenant, "member"));
    }

    private static ChatCompletionCreateParams.Builder ask(String text) {
        return ChatCompletionCreateParams.builder().model(ChatModel.of(MODEL)).addSystemMessage("Be brief.")
                .addUserMessage(text);
    }

    private static String conversationOf(ChatCompletion completion) {
        return completion._additionalProperties().get("conversation_id").asStringOrThrow();
    }

    @Test
    void aWholeAnswerIsReadByTheSdkAndStoredAsANewConversation() {
        OpenAIClient sdk = sdkOf("ada");
        ChatCompletion answer = sdk.chat().completions().create(ask("hello there").build());

        assertEquals(LocalModelServer.ECHO + "hello there", answer.choices().get(0).message().content().orElseThrow());
        assertEquals(ChatCompletion.Choice.FinishReason.STOP, answer.choices().get(0).finishReason());
        assertTrue(answer.usage().orElseThrow().totalTokens() > 0);
        String conversation = conversationOf(answer);
        api.member("ada").get(path(conversation)).then().statusCode(200)
                .body("title", is("hello there"))
                .body("model", is(MODEL))
                .body("messageCount", is(3));
        api.member("ada").get(messages(conversation)).then()
                .body("items.role", equalTo(List.of("system", "user", "assistant")));
        sdk.close();
    }

    @Test
    void aStreamedAnswerIsReadByTheSdkWithItsUsage() {
        OpenAIClient sdk = sdkOf("ada");
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        try (StreamResponse<ChatCompletionChunk> stream = sdk.chat().completions().createStreaming(ask("stream this")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach(accumulator::accumulate);
        }
        ChatCompletion whole = accumulator.chatCompletion();
        assertEquals(LocalModelServer.ECHO + "stream this", whole.choices().get(0).message().content().orElseThrow());
        assertTrue(whole.usage().orElseThrow().completionTokens() > 0);
        sdk.close();
    }

    @Test
    void aRequestNamingItsConversationContinuesItWithTheNewMessagesOnly() {
        OpenAIClient sdk = sdkOf("ada");
        ChatCompletion first = sdk.chat().completions().create(ask("my name is Ada").build());
        String conversation = conversationOf(first);
        ChatCompletion second = sdk.chat().completions().create(ask("my name is Ada")
                .addAssistantMessage(first.choices().get(0).message().content().orElseThrow())
                .addUserMessage("what is my name?")
                .metadata(ChatCompletionCreateParams.Metadata.builder()
                        .putAdditionalProperty("conversation_id", JsonValue.from(conversation)).build())
                .build());

        assertEquals(conversation, conversationOf(second));
        api.member("ada").get(messages(conversation)).then()
                .body("items.role", equalTo(List.of("system", "user", "assistant", "user", "assistant")));
        JsonPath sent = JsonPath.from(server.last(OTHER).body().encode());
        assertEquals(List.of("Be brief.", "my name is Ada", LocalModelServer.ECHO + "my name is Ada", "what is my name?"),
                sent.getList("messages.content"));
        sdk.close();
    }

    @Test
    void theSdkListsTheConfiguredModels() {
        OpenAIClient sdk = sdkOf("ada");
        List<String> ids = sdk.models().list().data().stream().map(Model::id).toList();
        assertTrue(ids.containsAll(List.of("echo-2", "echo-2-mini")), ids.toString());
        sdk.close();
    }

    @Test
    void anotherUsersConversationIsNotFoundForTheSdk() {
        OpenAIClient ada = sdkOf("ada");
        String conversation = conversationOf(ada.chat().completions().create(ask("mine").build()));
        OpenAIClient bob = sdkOf("bob");
        NotFoundException missing = assertThrows(NotFoundException.class, () -> bob.chat().completions()
                .create(ask("yours?").metadata(ChatCompletionCreateParams.Metadata.builder()
                        .putAdditionalProperty("conversation_id", JsonValue.from(conversation)).build()).build()));
        assertEquals(404, missing.statusCode());
        ada.close();
        bob.close();
    }

    @Test
    void aKeyThatIsNoFlotillaTokenIsAnAuthenticationErrorForTheSdk() {
        OpenAIClient sdk = sdk("sk-not-a-token");
        assertThrows(UnauthorizedException.class, () -> sdk.chat().completions().create(ask("hello").build()));
        sdk.close();
    }

    @Test
    void aNamedConversationThatIsNoIdIsABadRequestNamingTheParameter() {
        api.member("ada").body("{\"model\": \"echo-2\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}],"
                + " \"metadata\": {\"conversation_id\": \"nope\"}}").post("/v1/chat/completions").then().statusCode(400)
                .body("error.type", is("invalid_request_error"))
                .body("error.param", is("metadata.conversation_id"));
        UUID unused = UUID.randomUUID();
        api.member("ada").body("{\"model\": \"echo-2\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}],"
                + " \"metadata\": {\"conversation_id\": \"" + unused + "\"}}").post("/v1/chat/completions").then()
                .statusCode(404).body("error.type", is("not_found_error"));
    }
}
