package io.github.asyncinvokelister.emulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A {@code StartAsyncInvoke} request body that passed the model's constraints.
 *
 * @param modelId the model to invoke
 * @param output where the output goes, as the request gave it
 * @param clientRequestToken the idempotency token, if any
 * @param parameters a digest of every member but the token, so a repeated token can be told apart from a reused
 *     one without keeping the model input
 */
record StartRequest(String modelId, Invocation.S3Output output, Optional<String> clientRequestToken,
        String parameters) {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Pattern MODEL_ID = Pattern.compile("[a-zA-Z_\\.\\-/0-9:]+");
    private static final Pattern S3_URI = Pattern.compile("s3://[a-z0-9][\\.\\-a-z0-9]{1,61}[a-z0-9](/.*)?");
    private static final Pattern KMS_KEY_ID = Pattern.compile(
            "arn:aws(-[^:]+)?:kms:[a-zA-Z0-9-]*:[0-9]{12}:((key/[a-zA-Z0-9-]{36})|(alias/[a-zA-Z0-9-_/]+))");
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    private static final Pattern TAG_TEXT = Pattern.compile("[a-zA-Z0-9\\s._:/=+@-]*");
    private static final Pattern TOKEN = Pattern.compile("[!-~]*");
    static final int MAX_TAGS = 200;
    /** {@code null} in a value tree: a member sent as JSON {@code null}, which counts as absent. */
    private static final Object NULL = new Object();

    StartRequest {
        Objects.requireNonNull(modelId, "modelId");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(clientRequestToken, "clientRequestToken");
        Objects.requireNonNull(parameters, "parameters");
    }

    /**
     * Reads and validates a body as the service does. Unknown members are ignored.
     *
     * @throws ApiError a {@code SerializationException} if the body is not JSON of the request's shape, a
     *     {@code ValidationException} naming each broken constraint otherwise; neither shows the model input
     */
    static StartRequest parse(byte[] body) {
        Map<String, Object> request = object(tree(body), "the request body");
        Violations errors = new Violations();

        Optional<String> modelId = string(request, "modelId", "modelId");
        modelId.ifPresentOrElse(id -> errors.string("modelId", id, 1, 256, MODEL_ID, true),
                () -> errors.missing("modelId"));
        Object modelInput = request.getOrDefault("modelInput", NULL);
        if (modelInput == NULL) {
            errors.missing("modelInput");
        }
        Optional<Invocation.S3Output> output = output(request, errors);
        tags(request, errors);
        Optional<String> token = string(request, "clientRequestToken", "clientRequestToken");
        // An idempotency token is the caller's secret as much as a page token is: never echoed.
        token.ifPresent(value -> errors.string("clientRequestToken", value, 1, 256, TOKEN, false));
        errors.throwIfAny();

        Map<String, Object> parameters = new TreeMap<>(request);
        parameters.remove("clientRequestToken");
        return new StartRequest(modelId.orElseThrow(), output.orElseThrow(), token, digest(parameters));
    }

    private static Optional<Invocation.S3Output> output(Map<String, Object> request, Violations errors) {
        Object union = request.getOrDefault("outputDataConfig", NULL);
        if (union == NULL) {
            errors.missing("outputDataConfig");
            return Optional.empty();
        }
        Map<String, Object> config = object(union, "outputDataConfig");
        Object s3 = config.getOrDefault("s3OutputDataConfig", NULL);
        if (s3 == NULL) {
            // The union's one member; any other is unknown to the service, which ignores it.
            errors.missing("outputDataConfig.s3OutputDataConfig");
            return Optional.empty();
        }
        Map<String, Object> s3Config = object(s3, "outputDataConfig.s3OutputDataConfig");
        String at = "outputDataConfig.s3OutputDataConfig.";
        Optional<String> s3Uri = string(s3Config, "s3Uri", at + "s3Uri");
        s3Uri.ifPresentOrElse(uri -> errors.string(at + "s3Uri", uri, 1, 1024, S3_URI, true),
                () -> errors.missing(at + "s3Uri"));
        Optional<String> kmsKeyId = string(s3Config, "kmsKeyId", at + "kmsKeyId");
        kmsKeyId.ifPresent(key -> errors.string(at + "kmsKeyId", key, 1, 2048, KMS_KEY_ID, true));
        Optional<String> bucketOwner = string(s3Config, "bucketOwner", at + "bucketOwner");
        bucketOwner.ifPresent(owner -> errors.string(at + "bucketOwner", owner, 0, Integer.MAX_VALUE, ACCOUNT_ID,
                true));
        return s3Uri.map(uri -> new Invocation.S3Output(uri, kmsKeyId, bucketOwner));
    }

    private static void tags(Map<String, Object> request, Violations errors) {
        Object tags = request.getOrDefault("tags", NULL);
        if (tags == NULL) {
            return;
        }
        if (!(tags instanceof List<?> list)) {
            throw serialization("Expected a list at 'tags'");
        }
        if (list.size() > MAX_TAGS) {
            errors.hidden("tags", "Member must have length less than or equal to " + MAX_TAGS);
        }
        for (int i = 0; i < list.size(); i++) {
            // The service numbers list members from 1.
            String at = "tags." + (i + 1) + ".member.";
            Map<String, Object> tag = object(list.get(i), "tags." + (i + 1));
            string(tag, "key", at + "key").ifPresentOrElse(
                    key -> errors.string(at + "key", key, 1, 128, TAG_TEXT, true), () -> errors.missing(at + "key"));
            string(tag, "value", at + "value").ifPresentOrElse(
                    value -> errors.string(at + "value", value, 0, 256, TAG_TEXT, true),
                    () -> errors.missing(at + "value"));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String at) {
        if (!(value instanceof TreeMap<?, ?>)) {
            throw serialization("Expected an object at '" + at + "'");
        }
        return (Map<String, Object>) value;
    }

    private static Optional<String> string(Map<String, Object> object, String name, String at) {
        Object value = object.getOrDefault(name, NULL);
        if (value == NULL) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw serialization("Expected a string at '" + at + "'");
        }
        return Optional.of(text);
    }

    private static ApiError serialization(String message) {
        return new ApiError(400, "SerializationException", message);
    }

    /** A JSON number, kept as written: {@code 1} and {@code 1.0} are different inputs. */
    private record JsonNumber(String text) {
    }

    /**
     * The body as a tree: objects as sorted maps (so the digest does not depend on member order), lists, strings,
     * {@link JsonNumber}s, booleans and {@link #NULL}.
     */
    private static Object tree(byte[] body) {
        try (JsonParser json = FACTORY.createParser(body)) {
            if (json.nextToken() == null) {
                throw serialization("The request body is empty: StartAsyncInvoke takes a JSON object");
            }
            Object tree = value(json);
            if (json.nextToken() != null) {
                throw serialization("The request body holds more than one JSON value, at "
                        + where(json));
            }
            return tree;
        } catch (StreamConstraintsException e) {
            throw serialization("The request body nests deeper, or holds a longer number, string or name, than this"
                    + " service reads");
        } catch (JsonProcessingException e) {
            // The parser's own message quotes the body, which holds the sensitive model input.
            throw serialization("The request body is not valid JSON, at " + where(e));
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory cannot fail", e);
        }
    }

    private static Object value(JsonParser json) throws IOException {
        JsonToken token = json.currentToken();
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> object = new TreeMap<>();
                while (json.nextToken() == JsonToken.FIELD_NAME) {
                    String name = json.currentName();
                    json.nextToken();
                    object.put(name, value(json));
                }
                return object;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (json.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(json));
                }
                return list;
            }
            case VALUE_STRING:
                return json.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new JsonNumber(json.getText());
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return NULL;
            default:
                throw new IllegalStateException("a value cannot start with " + token);
        }
    }

    private static String where(JsonParser json) {
        return "line " + json.currentLocation().getLineNr() + ", column " + json.currentLocation().getColumnNr();
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? "an unknown position"
                : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    /** SHA-256 of the tree written canonically: members sorted, no whitespace, numbers as sent. */
    private static String digest(Object tree) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha256);
                JsonGenerator json = FACTORY.createGenerator(out)) {
            write(tree, json);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a digest cannot fail", e);
        }
        return Base64.getEncoder().encodeToString(sha256.digest());
    }

    private static void write(Object value, JsonGenerator json) throws IOException {
        if (value instanceof Map<?, ?> object) {
            json.writeStartObject();
            for (Map.Entry<?, ?> member : object.entrySet()) {
                json.writeFieldName((String) member.getKey());
                write(member.getValue(), json);
            }
            json.writeEndObject();
        } else if (value instanceof List<?> list) {
            json.writeStartArray();
            for (Object item : list) {
                write(item, json);
            }
            json.writeEndArray();
        } else if (value instanceof String text) {
            json.writeString(text);
        } else if (value instanceof JsonNumber number) {
            json.writeNumber(number.text());
        } else if (value instanceof Boolean bool) {
            json.writeBoolean(bool);
        } else {
            json.writeNull();
        }
    }
}
