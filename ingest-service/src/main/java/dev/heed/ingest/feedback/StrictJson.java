package dev.heed.ingest.feedback;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a request body into Jackson's tree, refusing what {@code ObjectMapper.readTree} lets through:
 * anything after the JSON value ({@code {...}xyz}, a second value, a NUL byte), a member name given twice
 * in one object (RFC 8259 leaves the meaning open, and Jackson would keep the last), and string values holding
 * a lone UTF-16 surrogate ({@code "\ud800"}), which no UTF-8 encoder can store unchanged (Jackson's parser
 * refuses them in member names, and raw UTF-8 surrogate bytes, itself). Jackson's own parser
 * does the syntax, the UTF-8 decoding and its size limits; this class builds the tree from its tokens, so
 * it can name the member at fault by its JSON Pointer, and reports every problem in its own words, never the
 * parser's. Numbers with a fraction or exponent are kept exactly ({@code 5.0} stays decimal, not a double),
 * so a check can tell an integral value from {@code 4.5}. Thread-safe.
 */
public final class StrictJson {
    private final JsonFactory factory;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    public StrictJson(ObjectMapper json) {
        this.factory = json.getFactory();
    }

    /**
     * What a body held: the tree, and what is wrong with it. A body that is not one JSON value has no tree
     * and one error at {@code base} (or "/" for the whole body); a readable body with duplicate names or lone
     * surrogates has its tree and one error per such member, each at its pointer below {@code base}.
     */
    public record Parsed(JsonNode tree, List<FieldError> errors) {
        public boolean isClean() {
            return tree != null && errors.isEmpty();
        }
    }

    /** @param base the JSON Pointer of the body within the request ("" for a whole request body) */
    public Parsed read(byte[] body, String base) {
        var errors = new ArrayList<FieldError>(0);
        try (JsonParser parser = factory.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return unreadable(base, "the body is empty");
            }
            JsonNode tree = value(parser, first, base, errors);
            JsonLocation after = somethingAfter(parser);
            if (after != null) {
                return unreadable(base, "has more after the JSON value" + at(after));
            }
            return new Parsed(tree, errors);
        } catch (StreamConstraintsException e) {
            return unreadable(base, "exceeds this service's JSON limits (nesting depth 1000, number or name length)" + at(e.getLocation()));
        } catch (JsonProcessingException e) {
            return unreadable(base, "is not valid JSON text in UTF-8" + at(e.getLocation()));
        } catch (IOException e) {
            return unreadable(base, "is not valid JSON text in UTF-8");
        }
    }

    private static Parsed unreadable(String base, String detail) {
        return new Parsed(null, List.of(FieldError.invalid(root(base), detail)));
    }

    /** Where something follows the value, or null when only white space does. */
    private static JsonLocation somethingAfter(JsonParser parser) throws IOException {
        try {
            return parser.nextToken() == null ? null : parser.currentTokenLocation();
        } catch (JsonParseException e) {
            // Bytes that are not even a token (a NUL, a stray quote) after a complete value.
            return e.getLocation();
        }
    }

    private JsonNode value(JsonParser parser, JsonToken token, String base, List<FieldError> errors) throws IOException {
        return switch (token) {
            case START_OBJECT -> object(parser, base, errors);
            case START_ARRAY -> array(parser, base, errors);
            case VALUE_STRING -> text(parser, base, errors);
            case VALUE_NUMBER_INT -> integer(parser);
            case VALUE_NUMBER_FLOAT -> decimal(parser, base, errors);
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            case VALUE_NULL -> NullNode.instance;
            default -> throw new JsonParseException(parser, "unexpected token " + token);
        };
    }

    private ObjectNode object(JsonParser parser, String base, List<FieldError> errors) throws IOException {
        ObjectNode object = nodes.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            // Jackson itself refuses a lone surrogate in a member name (a parse error), so only values are checked.
            String name = parser.currentName();
            JsonNode member = value(parser, parser.nextToken(), base, errors);
            if (object.replace(name, member) != null) {
                errors.add(FieldError.invalid(base + pointer(parser.getParsingContext()), "is given more than once in its object"));
            }
        }
        return object;
    }

    private ArrayNode array(JsonParser parser, String base, List<FieldError> errors) throws IOException {
        ArrayNode array = nodes.arrayNode();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            array.add(value(parser, token, base, errors));
        }
        return array;
    }

    private static TextNode text(JsonParser parser, String base, List<FieldError> errors) throws IOException {
        String value = parser.getText();
        int surrogate = loneSurrogate(value);
        if (surrogate >= 0) {
            errors.add(FieldError.invalid(root(base + pointer(parser.getParsingContext())),
                    "holds a lone surrogate " + hex(value, surrogate) + " at character " + (surrogate + 1)
                            + ", which is not valid Unicode; send the character's full surrogate pair or its UTF-8 bytes"));
        }
        return TextNode.valueOf(value);
    }

    private static JsonNode integer(JsonParser parser) throws IOException {
        return switch (parser.getNumberType()) {
            case INT -> IntNode.valueOf(parser.getIntValue());
            case LONG -> LongNode.valueOf(parser.getLongValue());
            default -> BigIntegerNode.valueOf(parser.getBigIntegerValue());
        };
    }

    private static JsonNode decimal(JsonParser parser, String base, List<FieldError> errors) throws IOException {
        try {
            return DecimalNode.valueOf(parser.getDecimalValue());
        } catch (NumberFormatException e) {
            // An exponent beyond what BigDecimal holds, such as 1e2147483648.
            errors.add(FieldError.invalid(root(base + pointer(parser.getParsingContext())), "is a number out of any range this service reads"));
            return NullNode.instance;
        }
    }

    /** The index of the first surrogate that is not half of a high-low pair, or -1. */
    static int loneSurrogate(String s) {
        int length = s.length();
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    private static String hex(String s, int at) {
        return String.format("U+%04X", (int) s.charAt(at));
    }

    private static String pointer(JsonStreamContext context) {
        return context == null ? "" : context.pathAsPointer().toString();
    }

    private static String root(String pointer) {
        return pointer.isEmpty() ? "/" : pointer;
    }

    private static String at(JsonLocation location) {
        return location == null || location.getLineNr() < 1 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
