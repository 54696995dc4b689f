package spikebot.bot.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * {@code spikebot --version}: the Maven project's version, which the build writes into
 * {@code spikebot-version.properties} (the one filtered resource, see bot/pom.xml), and the Java that runs it. A
 * resource rather than the jar manifest, so that the version is also known when running from classes, as the tests
 * do.
 */
public final class SpikebotVersion implements IVersionProvider {
    static final String RESOURCE = "/spikebot-version.properties";

    @Override
    public String[] getVersion() {
        return new String[]{"spikebot " + version(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + ")"};
    }

    /** The project's version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = SpikebotVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is missing from the build");
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
