package spikebot.bot.core;

import spikebot.index.Candidate;
import spikebot.index.Hit;
import spikebot.index.MatchGrade;
import spikebot.index.SearchRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * What the knowledge base holds on a question, as one audience may see it.
 *
 * @param shown    the hits the answer may show, best match first ({@link MatchGrade#byMatch}): the match shown
 *                 falls down the list
 * @param withheld good hits the asker could see but the audience as a whole could not (they come from channels
 *                 not everyone here can view): worth a hint to ask privately
 */
public record PriorWork(List<Hit> shown, int withheld) {
    /** Hits looked at beyond the limit, so that those hidden by permissions do not leave the answer short. */
    private static final int OVERFETCH = 4;

    public PriorWork {
        shown = List.copyOf(shown);
    }

    /**
     * @param minRelevance {@link MatchGrade#PLAUSIBLE} for every hit worth showing, {@link Hit#STRONG} for strong
     *                     ones only, or 0 for everything
     */
    public static PriorWork find(GuildKnowledge guild, SearchRequest request, Audience audience, ChannelAccess access,
                                 float minRelevance) {
        int limit = request.limit();
        SearchRequest wider = request.withLimit(Math.min(SearchRequest.MAX_LIMIT, limit * OVERFETCH));
        int withheld = 0;
        List<Candidate> kept = new ArrayList<>();
        // Judged with no searcher held (a judgement may ask Discord), and before highlighting: only the hits shown
        // get a snippet.
        for (Candidate candidate : guild.candidates(wider)) {
            if (candidate.relevance() < minRelevance) continue;
            switch (audience.judge(candidate, access)) {
                case SHOW -> {
                    if (kept.size() < limit) kept.add(candidate);
                }
                case ASKER_ONLY -> withheld++;
                case HIDE -> {
                }
            }
        }
        return new PriorWork(MatchGrade.byMatch(guild.snippets(wider, kept)), withheld);
    }

    /** How far the answer can be trusted: its best hit's grade, {@link MatchGrade#NONE} when it shows nothing. */
    public MatchGrade grade() {
        return MatchGrade.ofAnswer(shown);
    }

    public boolean isEmpty() {
        return shown.isEmpty();
    }
}
