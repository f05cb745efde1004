package org.wsdepends.embedded;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;

import org.wsdepends.core.MessageSize;

/**
 * Reads the frame headers of one WebSocket connection's incoming bytes before Tyrus does, and stops the bytes at
 * the first frame that breaks a rule Tyrus 2.1.6 does not check (RFC 6455 §5.1, §5.2) or announces more than the
 * message size limit: Tyrus would otherwise echo unmasked frames, read a 64-bit length with the top bit set as
 * a small one, wait for a 1 GiB payload, and answer a frame bigger than its incoming buffer with 1011.
 *
 * <p>It also cuts the bytes at frame ends, so Tyrus never buffers more than one frame: its incoming buffer,
 * sized to one frame of the limit, cannot overflow.
 *
 * <p>Not thread-safe: the caller inspects one connection's reads one after another.
 */
final class FrameGuard {

    /** The longest frame header: 2 bytes, a 64-bit length, a masking key. */
    static final int MAX_HEADER = 14;

    private final long textLimit;
    private final long binaryLimit;
    private int messageOpcode;
    private final byte[] header = new byte[MAX_HEADER];
    private int headerRead;
    private long frameLength;
    private long payloadLeft;
    private long messageSize;
    private CloseReason verdict;

    /**
     * @param limit the largest text and binary messages, in bytes, summed over their fragments
     */
    FrameGuard(EndpointLimits.Limit limit) {
        this.textLimit = limit.text();
        this.binaryLimit = limit.binary();
    }

    /**
     * Splits {@code data} into the parts to hand to Tyrus, each ending at a frame end or at the end of
     * {@code data}. At the first frame breaking a rule, returns only the parts before that frame and sets the
     * {@link #verdict()}; from then on, returns nothing.
     *
     * @param data bytes read from the connection; not changed
     * @return the parts, views of {@code data}
     */
    List<ByteBuffer> inspect(ByteBuffer data) {
        List<ByteBuffer> parts = new ArrayList<>(1);
        if (verdict != null) {
            return parts;
        }
        int end = data.limit();
        int at = data.position();
        int partStart = at;
        int frameStart = at;
        while (at < end) {
            if (payloadLeft > 0) {
                int skipped = (int) Math.min(payloadLeft, end - at);
                at += skipped;
                payloadLeft -= skipped;
                if (payloadLeft == 0) {
                    parts.add(data.slice(partStart, at - partStart));
                    partStart = at;
                }
                continue;
            }
            if (headerRead == 0) {
                frameStart = at;
            }
            header[headerRead++] = data.get(at++);
            if (headerDone()) {
                if (verdict != null) {
                    if (frameStart > partStart) {
                        parts.add(data.slice(partStart, frameStart - partStart));
                    }
                    return parts;
                }
                headerRead = 0;
                if (payloadLeft == 0) {
                    parts.add(data.slice(partStart, at - partStart));
                    partStart = at;
                }
            }
        }
        if (at > partStart) {
            parts.add(data.slice(partStart, at - partStart));
        }
        return parts;
    }

    /**
     * @return the close reason for the peer once a frame broke a rule, {@code null} while all frames are fine
     */
    CloseReason verdict() {
        return verdict;
    }

    /**
     * Checks the header read so far, after each byte of it.
     *
     * @return whether the header is done: complete (the payload length is set) or refused (the verdict is set)
     */
    private boolean headerDone() {
        if (headerRead < 2) {
            return false;
        }
        if (headerRead == 2 && (header[1] & 0x80) == 0) {
            verdict = new CloseReason(CloseCodes.PROTOCOL_ERROR, "Unmasked client frame (RFC 6455 section 5.1)");
            return true;
        }
        int lengthCode = header[1] & 0x7F;
        int lengthBytes = lengthCode == 127 ? 8 : lengthCode == 126 ? 2 : 0;
        // the length is checked as soon as it is there: a too long frame is refused before its masking key
        if (headerRead == 2 + lengthBytes && !lengthAllowed(lengthCode, lengthBytes)) {
            return true;
        }
        if (headerRead < 2 + lengthBytes + 4) {
            return false;
        }
        payloadLeft = frameLength;
        return true;
    }

    /** Reads the payload length once its bytes are there; sets the verdict if it is not allowed. */
    private boolean lengthAllowed(int lengthCode, int lengthBytes) {
        long length = lengthCode;
        if (lengthBytes > 0) {
            length = 0;
            for (int i = 2; i < 2 + lengthBytes; i++) {
                length = length << 8 | header[i] & 0xFF;
            }
        }
        if (length < 0) {
            verdict = new CloseReason(CloseCodes.PROTOCOL_ERROR,
                    "Payload length with the most significant bit set (RFC 6455 section 5.2)");
            return false;
        }
        int opcode = header[0] & 0x0F;
        if (opcode < 8) {
            // a data frame; continuation frames (opcode 0) add to the message they continue
            if (opcode != 0) {
                messageOpcode = opcode;
            }
            long limit = messageOpcode == 0x2 ? binaryLimit : textLimit;
            long before = opcode == 0 ? messageSize : 0;
            if (length > limit - before) {
                verdict = new CloseReason(CloseCodes.TOO_BIG, MessageSize.tooBig(limit,
                        length > Long.MAX_VALUE - before ? Long.MAX_VALUE : before + length));
                return false;
            }
            messageSize = before + length;
            if ((header[0] & 0x80) != 0) {
                messageSize = 0;
            }
        }
        frameLength = length;
        return true;
    }
}
