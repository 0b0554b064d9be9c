/*
 * Test helper for TlsAgent (LD_PRELOAD into snmpd). Net-SNMP 5.9.3 asks OpenSSL for at most
 * TLS 1.0 on its tlstcp contexts (later releases do not); this shim drops exactly that one
 * request so the agent negotiates TLS 1.2 or 1.3 with the JDK's defaults. OpenSSL's
 * SSL_CTX_set_max_proto_version is SSL_CTX_ctrl(ctx, SSL_CTRL_SET_MAX_PROTO_VERSION = 124,
 * version, NULL); TLS 1.0 is 0x0301, and 0 means "no maximum". No OpenSSL headers needed.
 */
#define _GNU_SOURCE
#include <dlfcn.h>

typedef long (*ssl_ctx_ctrl_fn)(void *ctx, int cmd, long larg, void *parg);

long SSL_CTX_ctrl(void *ctx, int cmd, long larg, void *parg)
{
    static ssl_ctx_ctrl_fn next;
    if (next == 0) {
        next = (ssl_ctx_ctrl_fn) dlsym(RTLD_NEXT, "SSL_CTX_ctrl");
    }
    if (cmd == 124 && larg == 0x0301) {
        larg = 0;
    }
    return next(ctx, cmd, larg, parg);
}
