package spikebot.bot.discord.spec;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks of one fake Discord's traffic: every request against Discord's documented limits and, when the spec
 * is there, against Discord's API description; every answer of the fake against the spec's response schemas.
 * Thread-safe: the fake's server threads report while the test reads.
 */
public final class SpecReport {
    private final Optional<DiscordApiSpec> spec = DiscordApiSpec.find();
    private final List<String> violations = new ArrayList<>();
    private int requests;
    private int responses;

    /** Checks a request; returns what is wrong with it (Discord refuses such a request with 400). */
    public List<String> request(String method, String path, java.util.Map<String, String> query, JsonNode body) {
        List<String> wrong = new ArrayList<>(DocumentedLimits.violations(method, path, body));
        spec.ifPresent(s -> wrong.addAll(s.request(method, path, query, body)));
        synchronized (this) {
            requests++;
            wrong.forEach(w -> violations.add("request " + method + " " + path + ": " + w));
        }
        return wrong;
    }

    /** Checks an answer of the fake. */
    public void response(String method, String path, int status, JsonNode body) {
        if (spec.isEmpty()) return;
        List<String> wrong = spec.get().response(method, path, status, body);
        synchronized (this) {
            responses++;
            wrong.forEach(w -> violations.add("answer to " + method + " " + path + " (" + status + "): " + w));
        }
    }

    public synchronized List<String> violations() {
        return List.copyOf(violations);
    }

    /** One line for the test log: the figures, or that the spec check was skipped and why. */
    public synchronized String summary() {
        String checked = requests + " requests checked against Discord's documented limits";
        if (spec.isEmpty()) {
            return checked + "; spec check SKIPPED: no Discord API spec found at " + DiscordApiSpec.whereLooked();
        }
        return checked + " and Discord's API spec, " + responses + " answers of the fake against its response "
                + "schemas: " + violations.size() + " violation(s)";
    }
}
