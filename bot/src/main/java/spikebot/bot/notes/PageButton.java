package spikebot.bot.notes;

import spikebot.bot.core.CustomIds;
import spikebot.bot.core.KeptBehindTokens;

import java.util.List;
import java.util.Optional;

/**
 * The custom id of a Previous / Next button under a page of notes: {@code notes:page:<listing>:<page>}. It carries
 * the token of a listing kept on this side ({@link spikebot.bot.core.KeptBehindTokens}) and a page number, never the filters themselves (a tag
 * or an author is user text).
 *
 * @param listing the token {@link spikebot.bot.core.KeptBehindTokens#keep} gave
 * @param page    0-based
 */
record PageButton(String listing, int page) {
    static final String PREFIX = "notes";
    private static final int MAX_PAGE = 99_999;

    String customId() {
        return CustomIds.of(PREFIX, "page", listing, Integer.toString(page));
    }

    /** Empty for an id this version does not make (an older version's, or a forged one). */
    static Optional<PageButton> parse(String customId) {
        List<String> parts = CustomIds.parts(customId);
        if (parts.size() != 4 || !parts.get(0).equals(PREFIX) || !parts.get(1).equals("page")
                || !KeptBehindTokens.TOKEN.matcher(parts.get(2)).matches() || !parts.get(3).matches("\\d{1,5}")) {
            return Optional.empty();
        }
        int page = Integer.parseInt(parts.get(3));
        return page > MAX_PAGE ? Optional.empty() : Optional.of(new PageButton(parts.get(2), page));
    }
}
