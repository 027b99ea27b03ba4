package dev.flotilla.testing;

import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;

/**
 * Feeds every operation of the service's own OpenAPI document the classes of bad input a client
 * may send, and lists every answer that is not a 4xx problem ({@code application/problem+json};
 * under the doors of other protocols, also their {@code application/json} {@code {"error": ...}}: RFC 6749's under
 * {@code /oauth2/}, OpenAI's under {@code /v1/chat/completions} and {@code /v1/models}):
 * <ul>
 * <li>U+0000 in each string of a JSON body (object keys of free-form objects too), in each query
 * and path parameter, in each form field, multipart text part and file name, and in an NDJSON line;</li>
 * <li>a lone UTF-16 surrogate in body strings, a number beyond {@code double} ({@code 1e309}),
 * {@code [null]} for arrays: a service may accept these, so only a 5xx, or a refusal that is
 * not a problem, is a failure (likewise for the NDJSON line);</li>
 * <li>wrong JSON types (each field, and the body itself), malformed JSON, an unknown field;</li>
 * <li>a malformed id in {@code uuid} path and query parameters;</li>
 * <li>a Content-Type the operation does not accept; malformed {@code %}-encoding in a form; a
 * truncated multipart body;</li>
 * <li>a declared body one byte over {@code quarkus.http.limits.max-body-size}, where that is at
 * most 2 MB (the body is declared, not sent).</li>
 * </ul>
 * Requests carry a token of an {@code admin} and {@code service} user of a fresh tenant; a
 * request without an answer within {@value #TIMEOUT_MILLIS} ms is a failure too. Path parameters
 * that are not tested get a new id (or a word), so most operations meet their input checks
 * before any lookup; the bad input is checked while the body is read, before the service's code.
 */
public final class BadInputProbe {

    private static final int TIMEOUT_MILLIS = 10_000;
    private static final int CASES_PER_CLASS = 8;
    private static final long CHEAP_BODY_LIMIT = 2L * 1024 * 1024;
    private static final String NUL = "a\u0000b";
    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String MULTIPART = "multipart/form-data";
    private static final String NDJSON = "application/x-ndjson";
    private static final String BOUNDARY = "probe-boundary-7d1a";
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private enum Leaf {
        TEXT,
        NUMBER,
        LIST,
        OTHER,
        FREE_FORM
    }

    private record Field(List<Object> path, Leaf kind) {
    }

    private final Map<String, Object> document;
    private final String token = TestTokens.user(UUID.randomUUID(), "admin", "service");
    private final RestAssuredConfig config = RestAssured.config()
            .httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.socket.timeout", TIMEOUT_MILLIS)
                    .setParam("http.connection.timeout", TIMEOUT_MILLIS))
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));
    private final List<String> failures = new ArrayList<>();

    private BadInputProbe(Map<String, Object> document) {
        this.document = document;
    }

    /** Probes the service under test; the answers that were not a 4xx problem, one line each. */
    public static List<String> failuresOfThisService() {
        Map<String, Object> document = given().accept(ContentType.JSON).get("/q/openapi?format=json").then()
                .statusCode(200).extract().jsonPath().getMap("");
        BadInputProbe probe = new BadInputProbe(document);
        probe.run();
        return probe.failures;
    }

    private void run() {
        Map<String, Object> paths = map(document.get("paths"));
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            Map<String, Object> item = map(path.getValue());
            for (String method : METHODS) {
                if (item.get(method) != null) {
                    probe(method.toUpperCase(Locale.ROOT), path.getKey(), item, map(item.get(method)));
                }
            }
        }
    }

    private void probe(String method, String template, Map<String, Object> item, Map<String, Object> operation) {
        List<Map<String, Object>> parameters = new ArrayList<>();
        list(item.get("parameters")).forEach(p -> parameters.add(resolve(map(p))));
        list(operation.get("parameters")).forEach(p -> parameters.add(resolve(map(p))));
        Map<String, String> pathValues = new LinkedHashMap<>();
        for (Map<String, Object> parameter : parameters) {
            if ("path".equals(parameter.get("in"))) {
                pathValues.put((String) parameter.get("name"), isUuid(parameter) ? UUID.randomUUID().toString() : "probe");
            }
        }
        String uri = expand(template, pathValues);
        for (Map<String, Object> parameter : parameters) {
            String name = (String) parameter.get("name");
            if ("path".equals(parameter.get("in"))) {
                Map<String, String> withNul = new LinkedHashMap<>(pathValues);
                withNul.put(name, encode(NUL));
                send(method, template, "U+0000 in path parameter " + name, expand(template, withNul), null, null);
                if (isUuid(parameter)) {
                    Map<String, String> malformed = new LinkedHashMap<>(pathValues);
                    malformed.put(name, "not-an-id");
                    send(method, template, "malformed id in path parameter " + name, expand(template, malformed), null, null);
                }
            } else if ("query".equals(parameter.get("in"))) {
                send(method, template, "U+0000 in query parameter " + name, uri + "?" + name + "=" + encode(NUL), null, null);
                if (isUuid(parameter)) {
                    send(method, template, "malformed id in query parameter " + name, uri + "?" + name + "=not-an-id", null,
                            null);
                }
            }
        }
        Map<String, Object> content = map(resolve(map(operation.get("requestBody"))).get("content"));
        if (content.isEmpty()) {
            return;
        }
        String json = content.keySet().stream().filter(type -> type.startsWith(JSON)).findFirst().orElse(null);
        if (json != null) {
            probeJson(method, template, uri, map(map(content.get(json)).get("schema")));
        } else if (content.containsKey(FORM)) {
            probeForm(method, template, uri, map(map(content.get(FORM)).get("schema")));
        } else if (content.containsKey(MULTIPART)) {
            probeMultipart(method, template, uri, map(map(content.get(MULTIPART)).get("schema")));
        }
        if (content.containsKey(NDJSON)) {
            probeNdjson(method, template, uri);
        }
        send(method, template, "a Content-Type it does not accept", uri, "application/xml",
                "<probe/>".getBytes(StandardCharsets.UTF_8));
        probeOversizedBody(method, template, uri, json != null ? JSON : content.keySet().iterator().next());
    }

    private void probeJson(String method, String template, String uri, Map<String, Object> schema) {
        List<Field> fields = new ArrayList<>();
        Object sample = sample(schema, new ArrayList<>(), fields, 0);
        sendJson(method, template, "malformed JSON", uri, "{\"probe\":");
        sendJson(method, template, "a body of the wrong JSON type", uri, sample instanceof List ? "{}" : "[]");
        if (sample instanceof Map<?, ?> object && !object.isEmpty() && !isFreeForm(resolve(schema))) {
            Map<Object, Object> unknown = new LinkedHashMap<>(object);
            unknown.put("zzUnknownField", 1);
            sendJson(method, template, "an unknown field", uri, toJson(unknown));
        }
        Map<String, List<Field>> byKind = fields.stream().collect(Collectors.groupingBy(f -> f.kind().name()));
        for (Field field : first(byKind.get(Leaf.TEXT.name()))) {
            sendJson(method, template, "U+0000 in " + describe(field), uri, toJson(replaced(sample, field.path(), NUL)));
        }
        for (Field field : first(byKind.get(Leaf.FREE_FORM.name()))) {
            Map<String, Object> keyed = Map.of(NUL, "probe");
            sendJson(method, template, "U+0000 in a key of " + describe(field), uri,
                    toJson(replaced(sample, field.path(), keyed)));
            sendTolerated(method, template, "1e309 in " + describe(field), uri,
                    toJson(replaced(sample, field.path(), Map.of("probe", new RawJson("{\"gte\": 1e309}")))));
        }
        for (Field field : first(byKind.get(Leaf.TEXT.name()))) {
            sendTolerated(method, template, "a lone surrogate in " + describe(field), uri,
                    toJson(replaced(sample, field.path(), new RawJson("\"a\\ud800b\""))));
            sendJson(method, template, "wrong JSON type in " + describe(field), uri,
                    toJson(replaced(sample, field.path(), new RawJson("{}"))));
        }
        for (Field field : first(byKind.get(Leaf.NUMBER.name()))) {
            sendJson(method, template, "wrong JSON type in " + describe(field), uri,
                    toJson(replaced(sample, field.path(), "probe")));
            sendTolerated(method, template, "1e309 in " + describe(field), uri,
                    toJson(replaced(sample, field.path(), new RawJson("1e309"))));
        }
        for (Field field : first(byKind.get(Leaf.LIST.name()))) {
            sendTolerated(method, template, "[null] in " + describe(field), uri,
                    toJson(replaced(sample, field.path(), new RawJson("[null]"))));
            sendJson(method, template, "wrong JSON type in " + describe(field), uri,
                    toJson(replaced(sample, field.path(), "probe")));
        }
        for (Field field : first(byKind.get(Leaf.OTHER.name()))) {
            sendJson(method, template, "wrong JSON type in " + describe(field), uri,
                    toJson(replaced(sample, field.path(), new RawJson("[]"))));
        }
    }

    private void probeForm(String method, String template, String uri, Map<String, Object> schema) {
        List<String> names = new ArrayList<>(map(resolve(schema).get("properties")).keySet());
        for (String name : names) {
            String form = names.stream().map(n -> n + "=" + encode(n.equals(name) ? NUL : "probe"))
                    .collect(Collectors.joining("&"));
            send(method, template, "U+0000 in form field " + name, uri, FORM, form.getBytes(StandardCharsets.UTF_8));
        }
        String first = names.isEmpty() ? "probe" : names.get(0);
        send(method, template, "malformed %-encoding in a form", uri, FORM,
                (first + "=%zz%").getBytes(StandardCharsets.UTF_8));
    }

    private void probeMultipart(String method, String template, String uri, Map<String, Object> schema) {
        Map<String, Object> properties = map(resolve(schema).get("properties"));
        String file = properties.entrySet().stream()
                .filter(p -> "binary".equals(resolve(map(p.getValue())).get("format")))
                .map(Map.Entry::getKey).findFirst().orElse("file");
        for (String name : properties.keySet()) {
            if (!name.equals(file)) {
                send(method, template, "U+0000 in multipart part " + name, uri, MULTIPART + "; boundary=" + BOUNDARY,
                        multipart(file, "probe.txt", name, NUL, true));
            }
        }
        send(method, template, "U+0000 in the file name of part " + file, uri, MULTIPART + "; boundary=" + BOUNDARY,
                multipart(file, NUL + ".txt", null, null, true));
        send(method, template, "a truncated multipart body", uri, MULTIPART + "; boundary=" + BOUNDARY,
                multipart(file, "probe.txt", null, null, false));
    }

    private void probeNdjson(String method, String template, String uri) {
        byte[] lines = "{\"id\":\"a\\u0000b\",\"title\":\"a\\u0000b\",\"body\":\"a\\u0000b\"}\n"
                .getBytes(StandardCharsets.UTF_8);
        tolerated(method, template, "U+0000 in an NDJSON line", uri, NDJSON, lines);
    }

    /**
     * Input a service may accept (a per-line report of an import, a surrogate kept as it is) or
     * refuse: never a 5xx, and a refusal is a problem.
     */
    private void sendTolerated(String method, String template, String label, String uri, String body) {
        tolerated(method, template, label, uri, JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    private void tolerated(String method, String template, String label, String uri, String contentType, byte[] body) {
        Response response = exchange(method, template, label, uri, contentType, body);
        if (response != null && response.statusCode() >= 400) {
            check(response, method, template, label);
        }
    }

    private void probeOversizedBody(String method, String template, String uri, String contentType) {
        long limit = ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", String.class)
                .map(BadInputProbe::bytes).orElse(10L * 1024 * 1024);
        if (limit > CHEAP_BODY_LIMIT) {
            return;
        }
        String head = method + " " + uri + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + (limit + 1) + "\r\nConnection: close\r\n\r\n";
        String label = "a body one byte over the " + limit + "-byte limit";
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String answer = responseHead(socket.getInputStream());
            String statusLine = answer.isEmpty() ? "no answer" : answer.substring(0, Math.max(0, answer.indexOf('\r')));
            String lower = answer.toLowerCase(Locale.ROOT);
            if (!statusLine.startsWith("HTTP/1.1 4") || !lower.contains("content-type: application/problem+json")
                    && !(ownErrorForm(template) && lower.contains("content-type: application/json"))) {
                fail(method, template, label, statusLine);
            }
        } catch (IOException e) {
            fail(method, template, label, "no answer (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Whether the operation is a door of another protocol, which answers errors in that protocol's form. */
    private static boolean ownErrorForm(String template) {
        return template.contains("/oauth2/") || template.startsWith("/v1/chat/completions")
                || template.startsWith("/v1/models");
    }

    /** The status line and headers of a response: the server may keep the connection open. */
    private static String responseHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
            if (matched == 4) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private void sendJson(String method, String template, String label, String uri, String body) {
        send(method, template, label, uri, JSON, body.getBytes(StandardCharsets.UTF_8));
    }

    private void send(String method, String template, String label, String uri, String contentType, byte[] body) {
        Response response = exchange(method, template, label, uri, contentType, body);
        if (response != null) {
            check(response, method, template, label);
        }
    }

    private void check(Response response, String method, String template, String label) {
        int status = response.statusCode();
        String type = response.contentType() == null ? "" : response.contentType();
        boolean problem = type.startsWith("application/problem+json");
        boolean protocolError = ownErrorForm(template) && type.startsWith(JSON)
                && response.body().asString().contains("\"error\"");
        if (status < 400 || status >= 500 || !problem && !protocolError) {
            fail(method, template, label, status + " " + (type.isEmpty() ? "without Content-Type" : type));
        }
    }

    private Response exchange(String method, String template, String label, String uri, String contentType, byte[] body) {
        RequestSpecification request = given().config(config).urlEncodingEnabled(false).auth().oauth2(token);
        if (body != null) {
            // A form's body as text: REST Assured encodes bytes only for types it knows to be binary.
            request.contentType(contentType);
            if (contentType.startsWith(FORM)) {
                request.body(new String(body, StandardCharsets.UTF_8));
            } else {
                request.body(body);
            }
        }
        try {
            return request.request(method, uri);
        } catch (RuntimeException e) {
            fail(method, template, label, "no answer within " + TIMEOUT_MILLIS + " ms (" + e.getClass().getSimpleName() + ")");
            return null;
        }
    }

    private void fail(String method, String template, String label, String answer) {
        failures.add(method + " " + template + " — " + label + ": " + answer);
    }

    // ---- sample bodies from the document's schemas

    private Object sample(Map<String, Object> schema, List<Object> path, List<Field> fields, int depth) {
        Map<String, Object> resolved = isJsonTree(schema) ? Map.of("type", "object") : resolve(schema);
        if (depth > 6) {
            return null;
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (resolved.get(choice) != null) {
                return sample(map(list(resolved.get(choice)).get(0)), path, fields, depth + 1);
            }
        }
        Map<String, Object> properties = new LinkedHashMap<>(map(resolved.get("properties")));
        list(resolved.get("allOf")).forEach(part -> properties.putAll(map(resolve(map(part)).get("properties"))));
        String type = typeOf(resolved);
        if (resolved.get("enum") != null) {
            fields.add(new Field(List.copyOf(path), Leaf.OTHER));
            return list(resolved.get("enum")).get(0);
        }
        if (!properties.isEmpty()) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (Map.Entry<String, Object> property : properties.entrySet()) {
                path.add(property.getKey());
                object.put(property.getKey(), sample(map(property.getValue()), path, fields, depth + 1));
                path.remove(path.size() - 1);
            }
            return object;
        }
        switch (type) {
            case "string" -> {
                fields.add(new Field(List.copyOf(path), Leaf.TEXT));
                return switch (String.valueOf(resolved.get("format"))) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "date-time" -> Instant.now().toString();
                    case "date" -> LocalDate.now().toString();
                    default -> "probe";
                };
            }
            case "integer", "number" -> {
                fields.add(new Field(List.copyOf(path), Leaf.NUMBER));
                return 1;
            }
            case "boolean" -> {
                fields.add(new Field(List.copyOf(path), Leaf.OTHER));
                return true;
            }
            case "array" -> {
                fields.add(new Field(List.copyOf(path), Leaf.LIST));
                path.add(0);
                Object element = sample(map(resolved.get("items")), path, fields, depth + 1);
                path.remove(path.size() - 1);
                List<Object> array = new ArrayList<>();
                array.add(element);
                return array;
            }
            default -> {
                fields.add(new Field(List.copyOf(path), Leaf.FREE_FORM));
                Map<String, Object> free = new LinkedHashMap<>();
                free.put("probe", "probe");
                return free;
            }
        }
    }

    private boolean isFreeForm(Map<String, Object> schema) {
        return map(schema.get("properties")).isEmpty() && schema.get("allOf") == null && "object".equals(typeOf(schema));
    }

    /** Jackson's trees, which the document describes by their Java getters but which take any JSON. */
    private static boolean isJsonTree(Map<String, Object> schema) {
        return schema.get("$ref") instanceof String ref && ref.matches(".*/(JsonNode|ObjectNode|ArrayNode)");
    }

    private static String typeOf(Map<String, Object> schema) {
        Object type = schema.get("type");
        if (type instanceof List<?> types) {
            return types.stream().map(String::valueOf).filter(t -> !"null".equals(t)).findFirst().orElse("object");
        }
        return type == null ? "object" : String.valueOf(type);
    }

    private Map<String, Object> resolve(Map<String, Object> schema) {
        Map<String, Object> resolved = schema;
        for (int hops = 0; resolved.get("$ref") instanceof String ref && hops < 10; hops++) {
            Map<String, Object> target = document;
            for (String step : ref.substring(2).split("/")) {
                target = map(target.get(step));
            }
            resolved = target;
        }
        return resolved;
    }

    private static boolean isUuid(Map<String, Object> parameter) {
        return "uuid".equals(map(parameter.get("schema")).get("format"));
    }

    // ---- building requests

    /** JSON text inserted as it is. */
    private record RawJson(String text) {
    }

    @SuppressWarnings("unchecked")
    private static Object replaced(Object value, List<Object> path, Object replacement) {
        if (path.isEmpty()) {
            return replacement;
        }
        Object step = path.get(0);
        List<Object> rest = path.subList(1, path.size());
        if (value instanceof Map<?, ?> object) {
            Map<Object, Object> copy = new LinkedHashMap<>((Map<Object, Object>) object);
            copy.put(step, replaced(object.get(step), rest, replacement));
            return copy;
        }
        if (value instanceof List<?> items && step instanceof Integer index && index < items.size()) {
            List<Object> copy = new ArrayList<>(items);
            copy.set(index, replaced(items.get(index), rest, replacement));
            return copy;
        }
        return value;
    }

    private static String toJson(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof RawJson raw) {
            return raw.text();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> object) {
            return object.entrySet().stream().map(e -> quote(String.valueOf(e.getKey())) + ":" + toJson(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof List<?> items) {
            return items.stream().map(BadInputProbe::toJson).collect(Collectors.joining(",", "[", "]"));
        }
        return quote(value.toString());
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private static byte[] multipart(String filePart, String fileName, String textPart, String text, boolean complete) {
        StringBuilder body = new StringBuilder();
        if (textPart != null) {
            body.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"").append(textPart)
                    .append("\"\r\n\r\n").append(text).append("\r\n");
        }
        body.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"").append(filePart)
                .append("\"; filename=\"").append(fileName).append("\"\r\nContent-Type: text/plain\r\n\r\n")
                .append("probe text");
        if (complete) {
            body.append("\r\n--").append(BOUNDARY).append("--\r\n");
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String expand(String template, Map<String, String> values) {
        String uri = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            uri = uri.replace("{" + value.getKey() + "}", value.getValue());
        }
        return uri;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String describe(Field field) {
        StringBuilder name = new StringBuilder();
        for (Object step : field.path()) {
            if (step instanceof Integer index) {
                name.append('[').append(index).append(']');
            } else {
                name.append(name.isEmpty() ? "" : ".").append(step);
            }
        }
        return name.isEmpty() ? "the body" : "field " + name;
    }

    private static List<Field> first(List<Field> fields) {
        return fields == null ? List.of() : fields.subList(0, Math.min(CASES_PER_CLASS, fields.size()));
    }

    private static long bytes(String size) {
        String value = size.trim().toUpperCase(Locale.ROOT);
        long unit = switch (value.charAt(value.length() - 1)) {
            case 'K' -> 1024L;
            case 'M' -> 1024L * 1024;
            case 'G' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return Long.parseLong(unit == 1 ? value : value.substring(0, value.length() - 1)) * unit;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> object ? (Map<String, Object>) object : Map.of();
    }

    private static List<Object> list(Object value) {
        return value instanceof List<?> items ? new ArrayList<>(items) : List.of();
    }
}
