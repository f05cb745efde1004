package org.wsdepends.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.websocket.DecodeException;
import jakarta.websocket.EncodeException;
import jakarta.websocket.Encoder;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;

import org.wsdepends.RequestValidationException;
import org.wsdepends.ValidationError;
import org.wsdepends.core.BodyErrors;
import org.wsdepends.core.ConversionException;
import org.wsdepends.core.Conversions;
import org.wsdepends.core.ErrorReports;
import org.wsdepends.core.JsonLimits;
import org.wsdepends.core.JsonNumbers;
import org.wsdepends.core.Lazy;
import org.wsdepends.core.MessageSize;

/**
 * How one endpoint's messages are read and its return values written: typed JSON messages with
 * JSON-B and {@code @Valid}, converted primitives, and results sent by type or declared encoder.
 */
final class MessageCodec {

    /** A message that could not be read, with the close it calls for. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        final int code;

        Unreadable(int code, String reason) {
            super(reason, null, false, false);
            this.code = code;
        }
    }

    private static final System.Logger LOG = System.getLogger("org.wsdepends");

    private final List<Class<?>> encodedTypes = new ArrayList<>();
    private final JsonLimits jsonLimits;
    private final Lazy<Jsonb> jsonb = new Lazy<>(JsonbBuilder::create);
    private final Lazy<Validator> validator;
    private final String endpoint;

    MessageCodec(EndpointModel model, Supplier<Validator> validator, JsonLimits jsonLimits) {
        this.jsonLimits = jsonLimits;
        for (Class<? extends Encoder> encoder : model.encoders()) {
            encodedTypes.add(Coders.typeArgument(encoder, Encoder.class) instanceof Class<?> encoded ? encoded : Object.class);
        }
        this.validator = new Lazy<>(validator);
        this.endpoint = model.description();
    }

    /**
     * @return the message to pass to the handler
     * @throws Unreadable                 malformed JSON (1007), or JSON beyond its limits (1009)
     * @throws RequestValidationException a {@code @Valid} message with violations
     * @throws DecodeException            a primitive that does not convert
     */
    Object read(HandlerMethod handler, Object payload) throws Unreadable, DecodeException {
        if (handler.payload == HandlerMethod.Payload.JSON) {
            return fromJson(handler, (String) payload);
        } else if (handler.payload == HandlerMethod.Payload.TEXT_CONVERTED) {
            String text = (String) payload;
            try {
                return Conversions.builtIn(handler.payloadType).convert(text);
            } catch (ConversionException invalid) {
                throw new DecodeException(text, invalid.getMessage());
            }
        }
        return payload;
    }

    /**
     * Whole messages over the limit: containers enforce {@code maxMessageSize} only for the handlers
     * they build for annotated endpoints, and a single frame is bounded only by their own buffers, so
     * the adapter checks itself, with Tyrus's wording.
     *
     * @param limit the limit that applies to the handler ({@link MessageSize#forHandler})
     * @return the close reason, {@code null} if the message fits
     */
    static String tooBig(long limit, Object payload) {
        long size;
        if (payload instanceof String text) {
            size = ErrorReports.utf8Length(text);
        } else if (payload instanceof ByteBuffer buffer) {
            size = buffer.remaining();
        } else if (payload instanceof byte[] bytes) {
            size = bytes.length;
        } else {
            return null;
        }
        return size <= limit ? null : MessageSize.tooBig(limit, size);
    }

    /** Sends a handler's return value and waits until it was written. */
    void send(RemoteEndpoint.Basic remote, Object result) throws IOException, EncodeException {
        Object frame = frame(result);
        if (frame instanceof String text) {
            remote.sendText(text);
        } else if (frame instanceof ByteBuffer buffer) {
            remote.sendBinary(buffer);
        } else {
            remote.sendObject(frame);
        }
    }

    /** Sends a handler's return value without waiting; {@code sent} learns how the write ended. */
    void send(RemoteEndpoint.Async remote, Object result, SendHandler sent) {
        Object frame = frame(result);
        if (frame instanceof String text) {
            remote.sendText(text, sent);
        } else if (frame instanceof ByteBuffer buffer) {
            remote.sendBinary(buffer, sent);
        } else {
            remote.sendObject(frame, sent);
        }
    }

    /** @return the text or binary frame for a return value, or the value itself when a declared encoder takes it */
    private Object frame(Object result) {
        if (result instanceof String || result instanceof ByteBuffer) {
            return result;
        } else if (result instanceof byte[] bytes) {
            return ByteBuffer.wrap(bytes);
        } else if (hasEncoderFor(result.getClass())) {
            return result;
        } else if (result instanceof Number || result instanceof Boolean || result instanceof Character) {
            return String.valueOf(result);
        }
        return jsonb.get().toJson(result);
    }

    private Object fromJson(HandlerMethod handler, String text) throws Unreadable {
        JsonLimits.Violation violation = jsonLimits.check(text);
        if (violation != null) {
            throw new Unreadable(violation.code(), violation.reason());
        }
        List<ValidationError> narrowed = JsonNumbers.check(text, handler.payloadType);
        if (!narrowed.isEmpty()) {
            throw new RequestValidationException(narrowed, endpoint);
        }
        Object message;
        try {
            message = jsonb.get().fromJson(text, handler.payloadType);
        } catch (JsonbException malformed) {
            // JSON-B's text names classes and positions: for the log, not for the peer
            LOG.log(System.Logger.Level.DEBUG, "a message to " + endpoint + " is no " + handler.payloadType.getName(), malformed);
            throw new Unreadable(1007, "Invalid JSON");
        }
        if (handler.validatePayload && message != null) {
            Set<ConstraintViolation<Object>> violations = validator.get().validate(message);
            if (!violations.isEmpty()) {
                throw new RequestValidationException(BodyErrors.of(violations), endpoint);
            }
        }
        return message;
    }

    private boolean hasEncoderFor(Class<?> type) {
        for (Class<?> encoded : encodedTypes) {
            if (encoded.isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }
}
