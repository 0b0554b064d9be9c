package io.varbind.transport;

import java.io.IOException;

/** A TLS or DTLS handshake that failed: the peer refused us, we refused it, or it did not answer in time. */
public final class HandshakeException extends IOException {
    private static final long serialVersionUID = 1L;
    private final boolean timedOut;

    HandshakeException(String what, Throwable cause) {
        this(what, cause, timedOut(cause));
    }

    private HandshakeException(String what, Throwable cause, boolean timedOut) {
        super((what.startsWith("dtls:") ? "DTLS" : "TLS") + " handshake with " + what + " failed: "
                + (timedOut ? "no answer in time" : reason(cause)), cause);
        this.timedOut = timedOut;
    }

    /** Whether the peer did not complete the handshake in time (rather than refusing it). */
    public boolean timedOut() {
        return timedOut;
    }

    /**
     * Why it failed: the first certificate exception in the chain (the certificate checks word
     * their refusals for people), or else the innermost message.
     */
    private static String reason(Throwable t) {
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof java.security.cert.CertificateException && c.getMessage() != null) {
                return c.getMessage();
            }
        }
        return TransportGroup.rootCause(t);
    }

    private static boolean timedOut(Throwable t) {
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof java.util.concurrent.TimeoutException
                    || c instanceof io.netty.handler.ssl.SslHandshakeTimeoutException
                    || c instanceof org.bouncycastle.tls.TlsTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
