package spikebot.knowledge;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Links to notes where a team publishes them (a wiki, a Git host, a static site): the configured base URL plus the
 * note's relative path, each path segment percent-encoded, so that a space, '#', '?' or '%' in a file name makes a
 * working link and not a broken or wrong one. The '/' between segments stays.
 */
public final class NoteLinks {
    private NoteLinks() {
    }

    /**
     * @param base         the configured {@code note-url-base}, a prefix used as written (it is a URL already)
     * @param relativePath a note's path relative to the knowledge base, with '/' between names
     */
    public static String url(String base, String relativePath) {
        String path = Arrays.stream(relativePath.split("/", -1)).map(NoteLinks::segment)
                .collect(Collectors.joining("/"));
        return base + path;
    }

    /** RFC 3986 percent-encoding of one path segment: URLEncoder encodes for forms, where a space is '+'. */
    private static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("%7E", "~");
    }
}
