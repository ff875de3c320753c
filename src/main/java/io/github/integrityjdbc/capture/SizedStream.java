package io.github.integrityjdbc.capture;

/**
 * A stream or Reader bound together with its declared length. The stream itself is never read.
 *
 * @param stream the InputStream or Reader the application bound
 * @param length the length it declared
 */
public record SizedStream(Object stream, long length) {
}
