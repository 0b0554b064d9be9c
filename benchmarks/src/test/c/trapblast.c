/*
 * trapblast: sends one pre-encoded SNMP message (a trap) over UDP at a fixed rate, for the
 * receiver benchmark of TrapBench. Paced per millisecond: each tick sends the packets due so
 * far with sendmmsg(2) in batches, so rates of hundreds of thousands per second are reached
 * from one core; THREADS senders (default 1), each with its own socket and an equal share of
 * the rate, for rates one core cannot offer (loopback delivery runs in the sender's system
 * call). Prints the number of messages sent.
 *
 *   trapblast HOST PORT RATE SECONDS HEXFILE [THREADS]
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BATCH 64

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static unsigned char msg[65536];
static int len;
static struct sockaddr_in to;
static double rate, seconds;

/* One sender: its share of the rate, paced per 0.2 ms tick; returns how many it sent. */
static void *blast(void *arg) {
    long *result = arg;
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    int sndbuf = 4 << 20;
    setsockopt(s, SOL_SOCKET, SO_SNDBUF, &sndbuf, sizeof sndbuf);
    struct mmsghdr hdrs[BATCH];
    struct iovec iov = {msg, (size_t) len};
    memset(hdrs, 0, sizeof hdrs);
    for (int i = 0; i < BATCH; i++) {
        hdrs[i].msg_hdr.msg_name = &to;
        hdrs[i].msg_hdr.msg_namelen = sizeof to;
        hdrs[i].msg_hdr.msg_iov = &iov;
        hdrs[i].msg_hdr.msg_iovlen = 1;
    }
    double start = now(), end = start + seconds;
    long sent = 0;
    for (;;) {
        double t = now();
        if (t >= end) {
            break;
        }
        long due = (long) ((t - start) * rate) - sent;
        while (due > 0) {
            int n = due > BATCH ? BATCH : (int) due;
            int r = sendmmsg(s, hdrs, n, 0);
            if (r <= 0) {
                break; /* a full send buffer: try again at the next tick */
            }
            sent += r;
            due -= r;
        }
        struct timespec tick = {0, 200000}; /* 0.2 ms */
        nanosleep(&tick, NULL);
    }
    close(s);
    *result = sent;
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 6 && argc != 7) {
        fprintf(stderr, "usage: trapblast HOST PORT RATE SECONDS HEXFILE [THREADS]\n");
        return 2;
    }
    int threads = argc == 7 ? atoi(argv[6]) : 1;
    if (threads < 1 || threads > 64) {
        fprintf(stderr, "THREADS must be 1 to 64\n");
        return 2;
    }
    rate = atof(argv[3]) / threads;
    seconds = atof(argv[4]);
    FILE *f = fopen(argv[5], "r");
    if (!f) {
        perror(argv[5]);
        return 2;
    }
    unsigned int b;
    while (len < (int) sizeof msg && fscanf(f, "%2x", &b) == 1) {
        msg[len++] = (unsigned char) b;
    }
    fclose(f);
    to.sin_family = AF_INET;
    to.sin_port = htons((unsigned short) atoi(argv[2]));
    if (inet_pton(AF_INET, argv[1], &to.sin_addr) != 1) {
        fprintf(stderr, "bad address %s\n", argv[1]);
        return 2;
    }
    pthread_t tids[64];
    long sent[64];
    for (int i = 0; i < threads; i++) {
        pthread_create(&tids[i], NULL, blast, &sent[i]);
    }
    long total = 0;
    for (int i = 0; i < threads; i++) {
        pthread_join(tids[i], NULL);
        total += sent[i];
    }
    printf("%ld\n", total);
    return 0;
}
