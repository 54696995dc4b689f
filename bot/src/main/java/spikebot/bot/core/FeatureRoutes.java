package spikebot.bot.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which feature answers an event, from what the features declare. Built once; refuses two features that claim the
 * same command, subcommand, menu entry or custom-id prefix, so a wiring mistake fails at start, not in chat.
 *
 * <p>Several features may share a command group ({@code /spikebot passive}, {@code /spikebot status}): the group is
 * registered once with all their subcommands, and each subcommand is routed to its owner.
 */
final class FeatureRoutes {
    private final List<Feature> features;
    /** {@code "ask"}, or {@code "spikebot passive"} for a subcommand of a shared group. */
    private final Map<String, Feature> commands = new HashMap<>();
    private final Map<String, Feature> menus = new HashMap<>();
    private final Map<String, Feature> prefixes = new HashMap<>();
    private final Map<String, CommandSpec> specs = new LinkedHashMap<>();

    FeatureRoutes(List<Feature> features) {
        this.features = List.copyOf(features);
        for (Feature feature : features) {
            for (CommandSpec spec : feature.commands()) add(feature, spec);
            for (String prefix : feature.customIdPrefixes()) {
                if (prefix.isEmpty() || prefix.contains(":")) {
                    throw new IllegalArgumentException("custom-id prefix must be a word: '" + prefix + "'");
                }
                claim(prefixes, prefix, feature, "custom-id prefix");
            }
        }
    }

    private void add(Feature feature, CommandSpec spec) {
        if (spec.type() == CommandSpec.Type.MESSAGE) {
            claim(menus, spec.name(), feature, "menu entry");
            specs.put("menu " + spec.name(), spec);
            return;
        }
        CommandSpec earlier = specs.get(spec.name());
        if (earlier == null) {
            specs.put(spec.name(), spec);
            if (spec.subcommands().isEmpty()) claim(commands, spec.name(), feature, "command");
            else spec.subcommands().forEach(s -> claim(commands, spec.name() + " " + s.name(), feature, "subcommand"));
            return;
        }
        if (earlier.subcommands().isEmpty() || spec.subcommands().isEmpty()) {
            throw new IllegalArgumentException("two features claim the command /" + spec.name());
        }
        spec.subcommands().forEach(s -> claim(commands, spec.name() + " " + s.name(), feature, "subcommand"));
        // A group for managers that now also holds a subcommand for everyone is registered for everyone: each
        // managers-only subcommand keeps saying so (help lists it as such; its feature checks it anyway).
        List<CommandSpec> subcommands = new ArrayList<>(managersOnly(earlier));
        subcommands.addAll(managersOnly(spec));
        // Registered for managers only if every part is: a feature checks its own subcommands' permissions anyway.
        specs.put(spec.name(), new CommandSpec(CommandSpec.Type.SLASH, spec.name(), earlier.description(), List.of(),
                subcommands, earlier.managersOnly() && spec.managersOnly()));
    }

    private static List<CommandSpec> managersOnly(CommandSpec group) {
        return group.managersOnly() ? group.subcommands().stream().map(CommandSpec::forManagers).toList()
                : group.subcommands();
    }

    private static void claim(Map<String, Feature> owners, String key, Feature feature, String what) {
        Feature earlier = owners.putIfAbsent(key, feature);
        if (earlier != null) {
            throw new IllegalArgumentException("two features claim the " + what + " '" + key + "': "
                    + earlier.getClass().getSimpleName() + " and " + feature.getClass().getSimpleName());
        }
    }

    List<Feature> features() {
        return features;
    }

    /** What to register: every feature's commands, shared groups merged. */
    List<CommandSpec> commands() {
        return List.copyOf(specs.values());
    }

    /**
     * The feature that answers the event; empty for a command, control or ref that no feature owns, and for
     * {@link Event.ThreadActivity}, which goes to every feature that watches it.
     */
    Optional<Feature> route(Event event) {
        return Optional.ofNullable(switch (event) {
            case Event.SlashCommand c -> command(c.command(), c.subcommand());
            case Event.Autocomplete a -> command(a.command(), a.subcommand());
            case Event.MessageCommand m -> menus.get(m.command());
            case Event.ButtonClick b -> prefixes.get(CustomIds.prefix(b.customId()));
            case Event.SelectChoice s -> prefixes.get(CustomIds.prefix(s.customId()));
            case Event.FormSubmit f -> prefixes.get(CustomIds.prefix(f.customId()));
            case Event.ThreadOpened t -> prefixes.get(CustomIds.prefix(t.ref()));
            case Event.ThreadFailed t -> prefixes.get(CustomIds.prefix(t.ref()));
            case Event.MessagePosted m -> features.stream().filter(f -> f.hears(m)).findFirst().orElse(null);
            case Event.ThreadActivity a -> null; // no owner: every feature that watches it sees it
        });
    }

    /** The feature whose custom-id prefix starts this ref. */
    Optional<Feature> owner(String ref) {
        return Optional.ofNullable(prefixes.get(CustomIds.prefix(ref)));
    }

    private Feature command(String name, String subcommand) {
        Feature owner = subcommand == null ? null : commands.get(name + " " + subcommand);
        return owner != null ? owner : commands.get(name);
    }
}
