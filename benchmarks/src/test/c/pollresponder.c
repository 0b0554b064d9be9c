/*
 * pollresponder: the simulated devices of the poller benchmark (PollerBench, poller-rate.sh) when
 * the built-in Java agent would be the limit. One UDP socket per device on HOST:BASE..BASE+N-1,
 * all in one epoll set, one thread. Each v1/v2c GetRequest is answered with a GetResponse that
 * echoes version, community and request-id and gives every requested OID a value: the system
 * group's objects their usual types (strings, an OID, TimeTicks, INTEGER), ifNumber.0 an
 * INTEGER, anything else a Counter32 that counts the answers. Anything that is not a well-formed
 * GetRequest is counted and dropped. Prints the answered and dropped counts on SIGTERM/SIGINT.
 *
 *   pollresponder HOST BASE COUNT
 *
 * Its cost per answer is a few microseconds (two system calls and the epoll wake-up it shares
 * with other ready sockets), a fraction of what the clients under test spend per poll.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BATCH 16
#define OUT_HEAD 128 /* room for the headers, prepended once the varbinds are written */

static volatile sig_atomic_t stop = 0;
static void on_signal(int s) { (void)s; stop = 1; }

/* Reads a tag and a definite length at *pos; returns the length or -1 when it runs past len. */
static long tlv(const uint8_t *b, size_t len, size_t *pos, uint8_t *tag) {
    if (*pos + 2 > len) return -1;
    *tag = b[(*pos)++];
    unsigned l = b[(*pos)++];
    if (l & 0x80) {
        unsigned n = l & 0x7f;
        if (n == 0 || n > 3 || *pos + n > len) return -1;
        l = 0;
        while (n--) l = (l << 8) | b[(*pos)++];
    }
    if (*pos + l > len) return -1;
    return (long)l;
}

/* Writes a BER length in front of p (p points just past where it ends); returns the new start. */
static uint8_t *prepend_len(uint8_t *p, size_t l) {
    if (l < 0x80) { *--p = (uint8_t)l; return p; }
    if (l < 0x100) { *--p = (uint8_t)l; *--p = 0x81; return p; }
    *--p = (uint8_t)l; *--p = (uint8_t)(l >> 8); *--p = 0x82; return p;
}

static size_t put_unsigned(uint8_t *o, uint8_t tag, uint32_t v) {
    uint8_t tmp[5]; int n = 0;
    do { tmp[n++] = (uint8_t)v; v >>= 8; } while (v);
    if (tmp[n - 1] & 0x80) tmp[n++] = 0;
    o[0] = tag; o[1] = (uint8_t)n;
    for (int i = 0; i < n; i++) o[2 + i] = tmp[n - 1 - i];
    return 2 + (size_t)n;
}

static size_t put_string(uint8_t *o, const char *s) {
    size_t n = strlen(s);
    o[0] = 0x04; o[1] = (uint8_t)n; memcpy(o + 2, s, n);
    return 2 + n;
}

static const uint8_t SYSTEM[] = {0x2b, 0x06, 0x01, 0x02, 0x01, 0x01};
static const uint8_t IFNUMBER[] = {0x2b, 0x06, 0x01, 0x02, 0x01, 0x02, 0x01, 0x00};
static const uint8_t OBJECT_ID[] = {0x06, 0x0a, 0x2b, 0x06, 0x01, 0x04, 0x01, 0xbf, 0x08, 0x03, 0x02, 0x0a};
static uint32_t counter;
static double started;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/* The value of one requested OID (its content octets), written at o; returns its size. */
static size_t value(uint8_t *o, const uint8_t *oid, size_t n, int device) {
    if (n == sizeof SYSTEM + 2 && memcmp(oid, SYSTEM, sizeof SYSTEM) == 0 && oid[n - 1] == 0) {
        char name[32];
        switch (oid[sizeof SYSTEM]) {
        case 1: return put_string(o, "Varbind poll responder, a simulated device");
        case 2: memcpy(o, OBJECT_ID, sizeof OBJECT_ID); return sizeof OBJECT_ID;
        case 3: return put_unsigned(o, 0x43, (uint32_t)((now() - started) * 100));
        case 4: return put_string(o, "bench@example.org");
        case 5: snprintf(name, sizeof name, "device-%d", device); return put_string(o, name);
        case 6: return put_string(o, "loopback");
        case 7: return put_unsigned(o, 0x02, 72);
        default: break;
        }
    }
    if (n == sizeof IFNUMBER && memcmp(oid, IFNUMBER, n) == 0) return put_unsigned(o, 0x02, 2);
    return put_unsigned(o, 0x41, ++counter);
}

/* Builds the answer to the request in b[0..len) into out; returns its size, 0 to drop it. */
static size_t answer(const uint8_t *b, size_t len, uint8_t *out, size_t cap, int device) {
    size_t pos = 0, end; uint8_t t; long l;
    if ((l = tlv(b, len, &pos, &t)) < 0 || t != 0x30) return 0;
    size_t head = pos;
    if ((l = tlv(b, len, &pos, &t)) < 0 || t != 0x02 || l != 1 || b[pos] > 1) return 0; /* v1, v2c */
    pos += (size_t)l;
    if ((l = tlv(b, len, &pos, &t)) < 0 || t != 0x04) return 0;
    pos += (size_t)l;
    size_t head_end = pos;
    if ((l = tlv(b, len, &pos, &t)) < 0 || t != 0xa0) return 0; /* GetRequest only */
    size_t rid = pos;
    if ((l = tlv(b, len, &pos, &t)) < 0 || t != 0x02) return 0;
    pos += (size_t)l;
    size_t rid_end = pos;
    if (rid_end - rid > 8) return 0;
    for (int i = 0; i < 2; i++) { /* error-status, error-index */
        if ((l = tlv(b, len, &pos, &t)) < 0 || t != 0x02) return 0;
        pos += (size_t)l;
    }
    if ((l = tlv(b, len, &pos, &t)) < 0 || t != 0x30) return 0;
    end = pos + (size_t)l;
    /* the varbinds' content, written after OUT_HEAD octets left for the headers */
    uint8_t *o = out + OUT_HEAD, *limit = out + cap - 300;
    while (pos < end) {
        size_t vb = pos;
        if ((l = tlv(b, end, &pos, &t)) < 0 || t != 0x30) return 0;
        size_t vb_end = pos + (size_t)l;
        if ((l = tlv(b, vb_end, &pos, &t)) < 0 || t != 0x06 || l == 0) return 0;
        const uint8_t *oid = b + pos;
        size_t n = (size_t)l;
        (void)vb;
        pos = vb_end;
        if (o >= limit || n > 120) return 0;
        uint8_t *v = o + 2; /* sequence header of at most two octets: content under 128 */
        v[0] = 0x06; v[1] = (uint8_t)n; memcpy(v + 2, oid, n);
        size_t vl = value(v + 2 + n, oid, n, device);
        size_t content = 2 + n + vl;
        if (content >= 0x80) return 0;
        o[0] = 0x30; o[1] = (uint8_t)content;
        o += 2 + content;
    }
    size_t vbl = (size_t)(o - (out + OUT_HEAD));
    /* now the headers, back to front */
    if (head_end - head > OUT_HEAD - 32) return 0; /* a community too long for the room left */
    uint8_t *p = prepend_len(out + OUT_HEAD, vbl);
    *--p = 0x30;
    static const uint8_t ZEROES[] = {0x02, 0x01, 0x00, 0x02, 0x01, 0x00};
    p -= sizeof ZEROES;
    memcpy(p, ZEROES, sizeof ZEROES);
    p -= rid_end - rid;
    memcpy(p, b + rid, rid_end - rid);
    p = prepend_len(p, (size_t)(o - p));
    *--p = 0xa2;
    p -= head_end - head;
    memcpy(p, b + head, head_end - head);
    p = prepend_len(p, (size_t)(o - p));
    *--p = 0x30;
    size_t total = (size_t)(o - p);
    memmove(out, p, total);
    return total;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: pollresponder HOST BASE COUNT\n");
        return 2;
    }
    const char *host = argv[1];
    int base = atoi(argv[2]), count = atoi(argv[3]);
    started = now();
    int ep = epoll_create1(0);
    int *fds = calloc((size_t)count, sizeof *fds);
    for (int i = 0; i < count; i++) {
        int fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK, 0);
        struct sockaddr_in a = {0};
        a.sin_family = AF_INET;
        a.sin_port = htons((uint16_t)(base + i));
        inet_pton(AF_INET, host, &a.sin_addr);
        if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) != 0) {
            fprintf(stderr, "pollresponder: cannot bind %s:%d: %s\n", host, base + i, strerror(errno));
            return 1;
        }
        struct epoll_event e = {.events = EPOLLIN, .data.u32 = (uint32_t)i};
        epoll_ctl(ep, EPOLL_CTL_ADD, fd, &e);
        fds[i] = fd;
    }
    struct sigaction act = {0};
    act.sa_handler = on_signal;
    sigaction(SIGTERM, &act, 0);
    sigaction(SIGINT, &act, 0);
    fprintf(stderr, "pollresponder: %d devices on %s:%d-%d\n", count, host, base, base + count - 1);
    static uint8_t in[BATCH][2048], out[BATCH][2048];
    struct mmsghdr rm[BATCH], sm[BATCH];
    struct iovec ri[BATCH], si[BATCH];
    struct sockaddr_in from[BATCH];
    struct epoll_event ready[256];
    long answered = 0, dropped = 0;
    while (!stop) {
        int n = epoll_wait(ep, ready, 256, 200);
        for (int r = 0; r < n; r++) {
            int i = (int)ready[r].data.u32, fd = fds[i];
            for (;;) {
                for (int k = 0; k < BATCH; k++) {
                    ri[k].iov_base = in[k];
                    ri[k].iov_len = sizeof in[k];
                    memset(&rm[k].msg_hdr, 0, sizeof rm[k].msg_hdr);
                    rm[k].msg_hdr.msg_iov = &ri[k];
                    rm[k].msg_hdr.msg_iovlen = 1;
                    rm[k].msg_hdr.msg_name = &from[k];
                    rm[k].msg_hdr.msg_namelen = sizeof from[k];
                }
                int got = recvmmsg(fd, rm, BATCH, MSG_DONTWAIT, NULL);
                if (got <= 0) break;
                int m = 0;
                for (int k = 0; k < got; k++) {
                    size_t len = answer(in[k], rm[k].msg_len, out[m], sizeof out[m], base + i);
                    if (len == 0) { dropped++; continue; }
                    si[m].iov_base = out[m];
                    si[m].iov_len = len;
                    memset(&sm[m].msg_hdr, 0, sizeof sm[m].msg_hdr);
                    sm[m].msg_hdr.msg_iov = &si[m];
                    sm[m].msg_hdr.msg_iovlen = 1;
                    sm[m].msg_hdr.msg_name = &from[k];
                    sm[m].msg_hdr.msg_namelen = rm[k].msg_hdr.msg_namelen;
                    m++;
                }
                if (m > 0 && sendmmsg(fd, sm, (unsigned)m, 0) > 0) answered += m;
                if (got < BATCH) break;
            }
        }
    }
    printf("pollresponder: %ld answered, %ld dropped\n", answered, dropped);
    return 0;
}
