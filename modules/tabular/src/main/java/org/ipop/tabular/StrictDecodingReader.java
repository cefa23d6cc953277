package org.ipop.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.UnmappableCharacterException;

/**
 * Decodes bytes strictly — a byte sequence that is not of the charset is an error, never a replacement character —
 * and reports the error only once every character before it has been read. ({@link java.io.InputStreamReader}
 * throws as soon as its 8 KB buffer holds the fault, which would blame a row up to a hundred rows too early.)
 */
final class StrictDecodingReader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private boolean endOfInput;
    private CharacterCodingException fault;

    StrictDecodingReader(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (fault != null) {
            throw fault;
        }
        CharBuffer chars = CharBuffer.wrap(buffer, offset, length);
        while (chars.position() == offset) {
            CoderResult result = decoder.decode(bytes, chars, endOfInput);
            if (result.isError()) {
                fault = result.isMalformed() ? new MalformedInputException(result.length())
                        : new UnmappableCharacterException(result.length());
                if (chars.position() == offset) {
                    throw fault;
                }
                break; // hand out the characters before the fault; the next read reports it
            }
            if (result.isOverflow()) {
                break;
            }
            if (endOfInput) {
                return chars.position() == offset ? -1 : chars.position() - offset;
            }
            fill();
        }
        return chars.position() - offset;
    }

    /** Reads more bytes after those not decoded yet (the start of a character cut by the previous read). */
    private void fill() throws IOException {
        bytes.compact();
        int read = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (read < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
