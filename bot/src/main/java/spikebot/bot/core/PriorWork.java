package spikebot.bot.core;

import spikebot.index.Hit;
import spikebot.index.SearchRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * What the knowledge base holds on a question, as one audience may see it.
 *
 * @param shown    the hits the answer may show, best first
 * @param withheld good hits the asker could see but the audience as a whole could not (they come from channels
 *                 not everyone here can view): worth a hint to ask privately
 */
public record PriorWork(List<Hit> shown, int withheld) {
    /** Hits fetched beyond the limit, so that those hidden by permissions do not leave the answer short. */
    private static final int OVERFETCH = 4;

    public PriorWork {
        shown = List.copyOf(shown);
    }

    /**
     * @param minRelevance {@link Hit#GOOD_ENOUGH}, {@link Hit#STRONG}, or 0 for everything
     */
    public static PriorWork find(Guild guild, SearchRequest request, Audience audience, ChannelAccess access,
                                 float minRelevance) {
        int limit = request.limit();
        SearchRequest wider = request.withLimit(Math.min(SearchRequest.MAX_LIMIT, limit * OVERFETCH));
        List<Hit> shown = new ArrayList<>();
        int withheld = 0;
        for (Hit hit : guild.search(wider)) {
            if (hit.relevance() < minRelevance) continue;
            switch (audience.judge(hit, access)) {
                case SHOW -> {
                    if (shown.size() < limit) shown.add(hit);
                }
                case ASKER_ONLY -> withheld++;
                case HIDE -> {
                }
            }
        }
        return new PriorWork(shown, withheld);
    }

    public boolean isEmpty() {
        return shown.isEmpty();
    }
}
