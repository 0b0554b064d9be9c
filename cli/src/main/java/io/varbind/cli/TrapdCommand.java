package io.varbind.cli;

import io.varbind.agent.NotificationReceiver;
import io.varbind.format.OutputOptions;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code trapd}: a {@link NotificationReceiver} that prints each notification as
 * {@code snmptrapd -f -Lo} does (see {@link TrapdFormat}), or one JSON object per line. On SIGINT
 * or SIGTERM it prints {@code N notifications received} on stderr and exits 0.
 */
@Command(name = "trapd", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Receives traps and informs and prints them as snmptrapd -f -Lo does.")
final class TrapdCommand implements Callable<Integer> {
    @ParentCommand
    VarbindCommand parent;

    @Mixin
    MibOptions mib;

    @Option(names = "--listen", required = true, paramLabel = "ENDPOINT[,ENDPOINT...]",
            description = "udp:HOST:PORT, tcp:HOST:PORT, udp6:[HOST]:PORT, tcp6:[HOST]:PORT, comma-separated")
    List<String> listen = new ArrayList<>();

    @Option(names = {"-c", "--community"}, paramLabel = "COMMUNITY",
            description = "a community whose v1/v2c notifications are accepted (repeatable; default public"
                    + " when no --user is given)")
    List<String> communities = new ArrayList<>();

    @Option(names = "--user", paramLabel = "[ENGINEID@]NAME[:AUTHPROTO:AUTHPASS[:PRIVPROTO:PRIVPASS]]",
            description = "a v3 user: of this receiver's engine (informs), or with ENGINEID@ of that sending"
                    + " engine (v3 traps, as snmptrapd's createUser -e); repeatable")
    List<String> users = new ArrayList<>();

    @Option(names = "--engine-id", paramLabel = "HEX", description = "this receiver's engine id (default: random)")
    String engineId;

    @Option(names = "-O", paramLabel = "FLAGS", description = "output flags, as the other commands (n f s q v e x)")
    List<String> outputFlags = new ArrayList<>();

    @Option(names = "-n", description = "no name lookups: the sender shown by its transport, as snmptrapd -n")
    boolean numericHosts;

    @Option(names = "--json", description = "one JSON object per notification")
    boolean json;

    @Mixin
    TlsListenOptions tls = new TlsListenOptions();

    @Option(names = "--threads", paramLabel = "N", description = "event-loop threads (default: one per core)")
    int threads;

    @Override
    public Integer call() throws InterruptedException {
        OutputOptions o;
        try {
            o = OutputOptions.parse(String.join("", outputFlags));
        } catch (IllegalArgumentException e) {
            throw new UsageException("-O: " + e.getMessage());
        }
        TrapdFormat format = new TrapdFormat(new NetSnmpOutput(mib.tree(), o), !numericHosts);
        AtomicLong count = new AtomicLong();
        NotificationReceiver.Builder b = NotificationReceiver.builder().threads(threads).mibs(mib.tree())
                .onNotification(n -> {
                    LocalDateTime now = LocalDateTime.now();
                    String text = json ? format.json(n, now) + "\n" : format.format(n, now);
                    synchronized (parent.out) {
                        parent.out.print(text);
                        parent.out.flush();
                    }
                    count.incrementAndGet();
                });
        for (String l : listen) {
            b.listen(l);
        }
        if (communities.isEmpty() && users.isEmpty()) {
            b.community("public");
        }
        communities.forEach(b::community);
        if (engineId != null) {
            b.engineId(engineId);
        }
        for (String spec : users) {
            addUser(b, spec);
        }
        TlsListenOptions.Settings t = tls.parse("trapd");
        if (!t.rwTsmUsers().isEmpty()) {
            throw new UsageException("trapd -T rw_tsm_user: a receiver has nothing to write; use tsm_user");
        }
        t.applyTo("trapd", b::localCert, b::trustCert, b::certSecName);
        t.tsmUsers().forEach(b::tsmUser);
        t.applyDtlsLimits(b::dtlsLimits);
        NotificationReceiver receiver;
        try {
            receiver = b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException("trapd: " + e.getMessage());
        }
        format.boundEndpoints(receiver.endpoints());
        CountDownLatch stop = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable finish = () -> {
            if (finished.compareAndSet(false, true)) {
                receiver.close();
                parent.err.println(count.get() + " notifications received");
                parent.err.flush();
            }
            stop.countDown();
        };
        StopSignals.onStop(finish);
        parent.err.println("varbind trapd: listening on " + String.join(", ", receiver.endpoints())
                + " (engine id " + receiver.engineId() + "); Ctrl-C stops");
        try {
            stop.await();
        } catch (InterruptedException e) {
            // run in a thread of a larger program (the tests): an interrupt stops it as a signal would
            finish.run();
        }
        return Main.EXIT_OK;
    }

    /** {@code [ENGINEID@]NAME[:AUTHPROTO:AUTHPASS[:PRIVPROTO:PRIVPASS]]}. */
    static void addUser(NotificationReceiver.Builder b, String spec) {
        String engine = null;
        String rest = spec;
        int at = spec.indexOf('@');
        if (at > 0 && spec.substring(0, at).matches("(0[xX])?[0-9a-fA-F:]+")) {
            engine = spec.substring(0, at);
            rest = spec.substring(at + 1);
        }
        String[] f = rest.split(":", -1);
        if (f.length != 1 && f.length != 3 && f.length != 5 || f[0].isEmpty()) {
            throw new UsageException("trapd --user " + spec
                    + ": [ENGINEID@]NAME[:AUTHPROTO:AUTHPASS[:PRIVPROTO:PRIVPASS]] expected");
        }
        try {
            b.user(f[0], f.length > 1 ? f[1] : null, f.length > 1 ? f[2] : null, f.length > 3 ? f[3] : null,
                    f.length > 3 ? f[4] : null, engine);
        } catch (IllegalArgumentException e) {
            throw new UsageException("trapd --user " + f[0] + ": " + e.getMessage());
        }
    }
}
