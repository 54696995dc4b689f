package spikebot.bot.discord.fake;

import net.dv8tion.jda.api.utils.SessionControllerAdapter;

import javax.annotation.Nonnull;

/** JDA's session controller pointed at the fake gateway, connecting at once (JDA's own waits 5 seconds). */
final class LocalSessionController extends SessionControllerAdapter {
    private final String gatewayUrl;

    LocalSessionController(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    @Nonnull
    @Override
    public String getGateway() {
        return gatewayUrl;
    }

    @Override
    protected void runWorker() {
        synchronized (lock) {
            if (workerHandle == null) {
                workerHandle = new QueueWorker(0L);
                workerHandle.start();
            }
        }
    }
}
