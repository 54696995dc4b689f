package spikebot.bot.capture;

import spikebot.bot.core.ChatDriver;
import spikebot.bot.core.Draft;

/** The text of a post or edit, as {@link ChatDriver#text(Draft)} reads a reply. */
final class ChatDriverText {
    private ChatDriverText() {
    }

    static String of(Draft draft) {
        return ChatDriver.text(draft);
    }
}
