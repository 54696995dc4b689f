package spikebot.index.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every distinct related question of a file, each once: the collection that retrieval mode searches. A thread that
 * the data marks as the same question as another one in the file is folded into it, so that finding the copy is
 * not counted as a miss.
 *
 * @param documents the distinct questions, in file order
 * @param canonical every related question id → the id of the document that stands for it
 */
public record Pool(List<RelatedQuestion> documents, Map<String, String> canonical) {
    public static Pool of(List<OriginalQuestion> questions) {
        Map<String, RelatedQuestion> byId = new LinkedHashMap<>();
        for (OriginalQuestion q : questions) for (RelatedQuestion r : q.related()) byId.putIfAbsent(r.id(), r);
        Map<String, String> canonical = new HashMap<>();
        List<RelatedQuestion> documents = new ArrayList<>();
        for (RelatedQuestion r : byId.values()) {
            String target = r.id();
            for (int hops = 0; hops < 10; hops++) { // follow "same as" links while they stay inside this file
                String next = byId.get(target).sameAs();
                if (next == null || !byId.containsKey(next)) break;
                target = next;
            }
            canonical.put(r.id(), target);
            if (target.equals(r.id())) documents.add(r);
        }
        return new Pool(List.copyOf(documents), Map.copyOf(canonical));
    }

    public String canonical(String relatedId) {
        return canonical.getOrDefault(relatedId, relatedId);
    }
}
