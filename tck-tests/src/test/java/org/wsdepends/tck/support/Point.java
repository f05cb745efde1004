package org.wsdepends.tck.support;

import jakarta.websocket.DecodeException;
import jakarta.websocket.EncodeException;

/**
 * A message type for the endpoints that declare decoders and encoders: received as {@code "x,y"}, sent as
 * {@code "(x|y)"}. A WAR whose endpoints use it adds this class (its codecs come along as nested classes).
 *
 * @param x the first number
 * @param y the second number
 */
public record Point(int x, int y) {

    /** Decodes {@code "x,y"}; anything else is a {@link DecodeException}, which reaches {@code @OnError}. */
    public static class TextDecoder implements jakarta.websocket.Decoder.Text<Point> {
        @Override
        public Point decode(String s) throws DecodeException {
            String[] parts = s.split(",");
            if (parts.length != 2) {
                throw new DecodeException(s, "expected x,y");
            }
            return new Point(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        }

        @Override
        public boolean willDecode(String s) {
            return true;
        }
    }

    /** Encodes as {@code "(x|y)"}. */
    public static class TextEncoder implements jakarta.websocket.Encoder.Text<Point> {
        @Override
        public String encode(Point point) throws EncodeException {
            return "(" + point.x() + "|" + point.y() + ")";
        }
    }
}
