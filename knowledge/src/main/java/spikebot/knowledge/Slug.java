package spikebot.knowledge;

import java.text.Normalizer;
import java.util.Locale;

/** File names from titles: lower case ASCII words joined by dashes, so no title can name a path. */
public final class Slug {
    static final int MAX_LENGTH = 60;

    private Slug() {
    }

    public static String of(String title) {
        String ascii = Normalizer.normalize(title, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH);
            int cut = slug.lastIndexOf('-');
            if (cut > MAX_LENGTH / 2) slug = slug.substring(0, cut);
            slug = slug.replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "note" : slug;
    }
}
