package spikebot.knowledge;

/**
 * What tells a changed file from an unchanged one without reading it.
 *
 * @param path         relative to the knowledge base, with forward slashes
 * @param lastModified file time in milliseconds
 * @param size         bytes
 */
public record FileStamp(String path, long lastModified, long size) {
}
