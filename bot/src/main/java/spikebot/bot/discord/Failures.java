package spikebot.bot.discord;

import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.exceptions.InteractionFailureException;
import net.dv8tion.jda.api.requests.ErrorResponse;

/** What went wrong on Discord's side, in one line a user or an admin can act on. */
final class Failures {
    private Failures() {
    }

    /**
     * Whether trying again later may work: Discord had a server error or could not be reached. Not when it
     * refused the request (no such channel, no permission, a bad payload): that stays so.
     */
    static boolean passing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ErrorResponseException er) return er.isServerError() || er.getErrorCode() == -1;
            if (t instanceof java.io.IOException) return true;
        }
        return false;
    }

    static String reason(Throwable e) {
        // complete() may wrap what went wrong (a cancelled request says only "join"): look down the causes.
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InteractionFailureException) {
                return "Discord did not take this interaction's first answer, so it takes no other";
            }
            if (t instanceof ErrorResponseException er) {
                if (er.getErrorResponse() == ErrorResponse.MISSING_PERMISSIONS) {
                    return "I lack a Discord permission for that here (" + er.getMeaning() + ")";
                }
                return "Discord said: " + er.getMeaning();
            }
            if (t instanceof InsufficientPermissionException ip) {
                return "I need the Discord permission " + ip.getPermission().getName() + " here";
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
