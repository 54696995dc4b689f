package spikebot.bot.discord.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * JSON Schema validation for the subset Discord's OpenAPI 3.1 description uses: {@code $ref} to
 * {@code #/components/schemas}, {@code type} (one or a list, {@code "null"} included), {@code const},
 * {@code enum}, {@code properties}, {@code required}, {@code additionalProperties}, {@code maxProperties},
 * {@code items}, {@code minItems}, {@code maxItems}, {@code uniqueItems}, {@code minLength}, {@code maxLength} (in
 * code points, as JSON Schema counts), {@code minimum}, {@code maximum}, {@code pattern}, the formats
 * {@code int32} and {@code int64}, and {@code allOf}, {@code anyOf}, {@code oneOf}.
 *
 * <p>{@code oneOf} is checked as {@code anyOf}: Discord's unions overlap (several component and callback shapes
 * accept the same object, and the spec marks them {@code x-discord-union}), so "exactly one" would reject valid
 * payloads. Annotations ({@code description}, {@code title}, {@code format} for dates and URIs,
 * {@code contentEncoding}) are not checked. Written here rather than taken from a library: the subset is small and
 * the messages name the field and the rule in the words the tests report.
 */
final class SchemaValidator {
    private static final Pattern DIGITS = Pattern.compile("-?\\d+");
    private final JsonNode spec;
    /**
     * Integers given as strings of digits pass: in requests, Discord takes every body also form-encoded (the spec
     * lists {@code application/x-www-form-urlencoded} for each), where all values are strings, and JDA sends some
     * integers so ({@code contexts}, {@code integration_types}, {@code default_member_permissions}).
     */
    private final boolean digitsAreIntegers;
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    SchemaValidator(JsonNode spec, boolean digitsAreIntegers) {
        this.spec = spec;
        this.digitsAreIntegers = digitsAreIntegers;
    }

    /** What is wrong with {@code value} under {@code schema}, each as "field: rule"; empty when it is valid. */
    List<String> validate(JsonNode value, JsonNode schema, String field) {
        List<String> errors = new ArrayList<>();
        check(value, schema, field, errors);
        return errors;
    }

    private JsonNode resolve(JsonNode schema) {
        while (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (!ref.startsWith("#/")) throw new IllegalArgumentException("unsupported $ref " + ref);
            schema = spec.at(ref.substring(1));
            if (schema.isMissingNode()) throw new IllegalArgumentException("dangling $ref " + ref);
        }
        return schema;
    }

    private void check(JsonNode value, JsonNode schema, String field, List<String> errors) {
        schema = resolve(schema);
        if (schema.has("allOf")) {
            for (JsonNode part : schema.get("allOf")) check(value, part, field, errors);
        }
        for (String union : List.of("anyOf", "oneOf")) {
            if (schema.has(union)) checkUnion(value, schema.get(union), field, union, errors);
        }
        if (digitsAreIntegers && value.isTextual() && DIGITS.matcher(value.asText()).matches()
                && allowsInteger(schema)) {
            value = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.numberNode(
                    new java.math.BigInteger(value.asText()));
        }
        if (schema.has("type") && !typeMatches(value, schema.get("type"), schema)) {
            errors.add(field + ": must be " + schema.get("type") + " (type), is " + kind(value));
            return;
        }
        if (schema.has("const") && !sameValue(schema.get("const"), value)) {
            errors.add(field + ": must be " + schema.get("const") + " (const), is " + value);
        }
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode option : schema.get("enum")) listed |= sameValue(option, value);
            if (!listed) errors.add(field + ": " + value + " is not one of " + schema.get("enum") + " (enum)");
        }
        if (value.isObject()) checkObject(value, schema, field, errors);
        if (value.isArray()) checkArray(value, schema, field, errors);
        if (value.isTextual()) checkString(value.asText(), schema, field, errors);
        if (value.isNumber()) checkNumber(value, schema, field, errors);
    }

    private void checkUnion(JsonNode value, JsonNode options, String field, String union, List<String> errors) {
        // Discord's unions are mostly told apart by a constant "type": shapes whose constant differs are not tried
        // (the spec check runs on every answer of the fake, in the load test 200 at once).
        for (JsonNode option : options) {
            if (!ruledOut(value, option) && validate(value, option, field).isEmpty()) return;
        }
        List<String> closest = null;
        for (JsonNode option : options) {
            List<String> tried = validate(value, option, field);
            if (closest == null || tried.size() < closest.size()) closest = tried;
        }
        errors.add(field + ": matches none of the " + options.size() + " shapes (" + union + "); closest: "
                + String.join("; ", closest == null ? List.of() : closest));
    }

    /** Whether a property the value has is held to a different single value by this shape. */
    private boolean ruledOut(JsonNode value, JsonNode option) {
        if (!value.isObject()) return false;
        JsonNode schema = resolve(option);
        for (JsonNode part : schema.has("allOf") ? schema.get("allOf") : List.of(schema)) {
            JsonNode properties = resolve(part).path("properties");
            for (Map.Entry<String, JsonNode> entry : properties.properties()) {
                String name = entry.getKey();
                if (!value.has(name)) continue;
                JsonNode property = resolve(entry.getValue());
                JsonNode only = property.has("const") ? property.get("const")
                        : property.path("enum").size() == 1 ? property.get("enum").get(0) : null;
                if (only != null && !sameValue(only, value.get(name))) return true;
            }
        }
        return false;
    }

    private void checkObject(JsonNode value, JsonNode schema, String field, List<String> errors) {
        JsonNode properties = schema.path("properties");
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) errors.add(field + "." + required.asText() + ": missing (required)");
        }
        if (schema.has("maxProperties") && value.size() > schema.get("maxProperties").asInt()) {
            errors.add(field + ": more than " + schema.get("maxProperties") + " properties (maxProperties)");
        }
        JsonNode additional = schema.path("additionalProperties");
        for (Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String child = field + "." + e.getKey();
            if (properties.has(e.getKey())) {
                check(e.getValue(), properties.get(e.getKey()), child, errors);
            } else if (additional.isBoolean() && !additional.asBoolean()) {
                errors.add(child + ": unknown property (additionalProperties: false)");
            } else if (additional.isObject()) {
                check(e.getValue(), additional, child, errors);
            }
        }
    }

    private void checkArray(JsonNode value, JsonNode schema, String field, List<String> errors) {
        if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
            errors.add(field + ": fewer than " + schema.get("minItems") + " items (minItems)");
        }
        if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
            errors.add(field + ": " + value.size() + " items, at most " + schema.get("maxItems") + " (maxItems)");
        }
        if (schema.path("uniqueItems").asBoolean(false)) {
            Set<JsonNode> seen = new HashSet<>();
            for (JsonNode item : value) {
                if (!seen.add(item)) errors.add(field + ": " + item + " appears twice (uniqueItems)");
            }
        }
        if (schema.has("items")) {
            for (int i = 0; i < value.size(); i++) check(value.get(i), schema.get("items"), field + "[" + i + "]", errors);
        }
    }

    private void checkString(String text, JsonNode schema, String field, List<String> errors) {
        int length = text.codePointCount(0, text.length());
        if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
            errors.add(field + ": " + length + " characters, at most " + schema.get("maxLength") + " (maxLength)");
        }
        if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
            errors.add(field + ": " + length + " characters, at least " + schema.get("minLength") + " (minLength)");
        }
        if (schema.has("pattern")) {
            Pattern pattern = patterns.computeIfAbsent(schema.get("pattern").asText(), Pattern::compile);
            if (!pattern.matcher(text).find()) errors.add(field + ": '" + text + "' does not match " + pattern + " (pattern)");
        }
    }

    private static void checkNumber(JsonNode value, JsonNode schema, String field, List<String> errors) {
        if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
            errors.add(field + ": " + value + " is below " + schema.get("minimum") + " (minimum)");
        }
        if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
            errors.add(field + ": " + value + " is above " + schema.get("maximum") + " (maximum)");
        }
        String format = schema.path("format").asText("");
        if (format.equals("int32") || format.equals("int64")) {
            int bits = format.equals("int32") ? 31 : 63;
            BigInteger n = value.bigIntegerValue();
            if (n.bitLength() > bits) errors.add(field + ": " + value + " does not fit " + format + " (format)");
        }
    }

    private static boolean allowsInteger(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (schema.has("const")) return schema.get("const").isIntegralNumber();
        if (type.isArray()) {
            for (JsonNode t : type) if (t.asText().equals("integer")) return true;
            return false;
        }
        return type.asText().equals("integer");
    }

    private static boolean typeMatches(JsonNode value, JsonNode type, JsonNode schema) {
        if (type.isArray()) {
            for (JsonNode t : type) if (typeMatches(value, t, schema)) return true;
            return false;
        }
        return switch (type.asText()) {
            case "null" -> value.isNull();
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "integer" -> value.isIntegralNumber() || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
            case "number" -> value.isNumber();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            default -> throw new IllegalArgumentException("unknown type " + type + " in " + schema);
        };
    }

    /** JSON equality, with 5 and 5.0 equal, as JSON Schema has it. */
    private static boolean sameValue(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) return a.decimalValue().compareTo(b.decimalValue()) == 0;
        return a.equals(b);
    }

    private static String kind(JsonNode value) {
        return value.isMissingNode() ? "missing" : value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
