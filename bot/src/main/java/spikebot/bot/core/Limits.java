package spikebot.bot.core;

/** Discord's size limits, in one place. The model cuts to them so that nothing is ever rejected for its size. */
public final class Limits {
    public static final int CONTENT = 2000;
    public static final int EMBEDS = 10;
    public static final int EMBED_TITLE = 256;
    public static final int EMBED_DESCRIPTION = 4096;
    public static final int EMBED_FIELDS = 25;
    public static final int FIELD_NAME = 256;
    public static final int FIELD_VALUE = 1024;
    public static final int EMBED_FOOTER = 2048;
    /** All titles, descriptions, field names and values and footers of a message's embeds together. */
    public static final int EMBED_TOTAL = 6000;
    public static final int ACTION_ROWS = 5;
    public static final int BUTTONS_PER_ROW = 5;
    public static final int BUTTON_LABEL = 80;
    public static final int CUSTOM_ID = 100;
    public static final int SELECT_OPTIONS = 25;
    public static final int SELECT_OPTION_TEXT = 100;
    public static final int PLACEHOLDER = 150;
    public static final int MODAL_TITLE = 45;
    public static final int MODAL_INPUTS = 5;
    public static final int INPUT_LABEL = 45;
    public static final int INPUT_VALUE = 4000;
    public static final int INPUT_PLACEHOLDER = 100;
    public static final int THREAD_NAME = 100;
    public static final int CHOICES = 25;
    public static final int CHOICE = 100;
    public static final int URL = 2048;

    private Limits() {
    }
}
