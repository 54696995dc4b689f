package spikebot.knowledge.spike;

import java.util.Objects;

/**
 * Someone taking part in a spike.
 *
 * @param id   stable id on the chat platform (a Discord user id), used to check who may close a spike
 * @param name display name, written into notes as an author
 */
public record Person(String id, String name) {
    public Person {
        Objects.requireNonNull(id, "id");
        name = name == null || name.isBlank() ? id : name.strip();
    }
}
