package spikebot.index;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CachingTokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.TermToBytesRefAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.graph.GraphTokenStreamFiniteStrings;
import spikebot.index.analysis.QuestionWords;
import spikebot.index.analysis.WordPartsFilter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a question into a {@link QueryPlan}: the question analyzer's token graph is cut at its articulation points
 * (as Lucene's QueryBuilder does), so each piece is one concept: a word with its one-word synonyms, or a span where
 * a multi-word synonym offers other paths. Each plain word also gets its parts, found by analyzing its text as a
 * note would be. Words that only carry the asking ("has anyone tried…") are left out; words that usually do but may
 * be the topic ("make", "find") are kept apart, to be searched weakly.
 */
final class QueryPlanner {
    /** A question is a sentence or a message, not a document: past this, words are ignored. */
    static final int MAX_CONCEPTS = 32;
    static final int MAX_QUESTION_CHARS = 4000;

    private final Analyzer questions;
    private final Analyzer notes;
    private final QuestionWords asking;

    QueryPlanner(Analyzer questions, Analyzer notes, QuestionWords asking) {
        this.questions = questions;
        this.notes = notes;
        this.asking = asking;
    }

    QueryPlan plan(String question) {
        String text = question.length() > MAX_QUESTION_CHARS ? question.substring(0, MAX_QUESTION_CHARS) : question;
        List<Concept> concepts = new ArrayList<>();
        List<Integer> mentions = new ArrayList<>();
        List<Concept> weak = new ArrayList<>();
        Map<List<Object>, Integer> seen = new HashMap<>();
        try (CachingTokenFilter stream = new CachingTokenFilter(questions.tokenStream(NoteDocuments.BODY, text))) {
            stream.reset();
            if (!stream.incrementToken()) return new QueryPlan(question, List.of());
            // The graph resets (rewinds) the cached stream and reads it again.
            GraphTokenStreamFiniteStrings graph = new GraphTokenStreamFiniteStrings(stream);
            int[] articulation = graph.articulationPoints();
            int start = 0;
            for (int i = 0; i <= articulation.length && concepts.size() < MAX_CONCEPTS; i++) {
                int end = i < articulation.length ? articulation[i] : -1;
                Concept concept = graph.hasSidePath(start) ? spanConcept(graph, start, end, text)
                        : wordConcept(graph.getTerms(start), text);
                if (concept != null && isWeak(concept)) {
                    if (!weak.contains(concept)) weak.add(concept);
                } else if (concept != null) {
                    Integer index = seen.putIfAbsent(List.of(concept.words(), concept.phrases()), concepts.size());
                    if (index == null) {
                        concepts.add(concept);
                        mentions.add(1);
                    } else {
                        mentions.set(index, mentions.get(index) + 1);
                    }
                }
                start = end;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new QueryPlan(question, concepts, mentions, weak);
    }

    /** A single word that usually carries the asking but may be the topic ("make", "find"): searched weakly. */
    private boolean isWeak(Concept concept) {
        return concept.phrases().isEmpty() && concept.words().stream().anyMatch(asking::isWeak);
    }

    /** One position: the word and its one-word synonyms, plus the word's parts. */
    private Concept wordConcept(List<AttributeSource> tokens, String text) throws IOException {
        if (tokens.isEmpty()) return null;
        Set<String> words = new LinkedHashSet<>();
        String surface = null;
        for (AttributeSource token : tokens) {
            String term = token.getAttribute(CharTermAttribute.class).toString();
            boolean synonym = SynonymGraphFilter.TYPE_SYNONYM.equals(token.getAttribute(TypeAttribute.class).type());
            if (!synonym) {
                if (asking.isAsking(term)) return null;
                OffsetAttribute offset = token.getAttribute(OffsetAttribute.class);
                surface = text.substring(offset.startOffset(), offset.endOffset());
            }
            words.add(term);
        }
        List<String> parts = surface == null ? List.of() : parts(surface, words);
        return new Concept(surface == null ? String.join(" ", words) : surface, List.copyOf(words), parts, List.of());
    }

    /** Several positions with other paths through them: one-word paths are words, longer ones phrases. */
    private Concept spanConcept(GraphTokenStreamFiniteStrings graph, int start, int end, String text)
            throws IOException {
        Set<String> words = new LinkedHashSet<>();
        List<List<String>> phrases = new ArrayList<>();
        Iterator<TokenStream> paths = graph.getFiniteStrings(start, end);
        while (paths.hasNext()) {
            List<String> path = new ArrayList<>();
            try (TokenStream tokens = paths.next()) {
                TermToBytesRefAttribute term = tokens.addAttribute(TermToBytesRefAttribute.class);
                tokens.reset();
                while (tokens.incrementToken()) path.add(term.getBytesRef().utf8ToString());
                tokens.end();
            }
            if (path.size() == 1) words.add(path.get(0));
            else if (!path.isEmpty() && !phrases.contains(path)) phrases.add(path);
        }
        if (phrases.isEmpty() && words.stream().allMatch(asking::isAsking)) return null;
        int from = Integer.MAX_VALUE, to = 0;
        for (AttributeSource token : graph.getTerms(start)) {
            OffsetAttribute offset = token.getAttribute(OffsetAttribute.class);
            from = Math.min(from, offset.startOffset());
            to = Math.max(to, offset.endOffset());
        }
        String surface = from < to ? text.substring(from, to) : String.join(" ", words);
        return new Concept(surface, List.copyOf(words), List.of(), phrases);
    }

    /** The word's parts as a note's text would yield them: "numThreads" gives num and thread. */
    private List<String> parts(String surface, Set<String> words) throws IOException {
        List<String> parts = new ArrayList<>();
        try (TokenStream stream = notes.tokenStream(NoteDocuments.BODY, surface)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String part = term.toString();
                if (WordPartsFilter.PART_TYPE.equals(type.type()) && !words.contains(part) && !parts.contains(part)) {
                    parts.add(part);
                }
            }
            stream.end();
        }
        return parts;
    }
}
