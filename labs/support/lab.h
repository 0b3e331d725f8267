/*
 * Helpers for the C lab programs: each call's result goes to stdout as one JSON line
 * that scripts/lab-runtime.ts reads (the event shapes are in src/lib/labs/events.ts).
 *
 *   LAB_CALL("left", connect(fd, sa, len), "connect(fd, 127.0.0.1:%d)", port);
 *     runs the call, captures errno at once, prints {"ev":"call",...} and yields the result.
 *   lab_ss(filter, server_port): asks the runner to run ss now; blocks until it has.
 *   lab_run(command): asks the runner to run a shell command in the namespace (namespace labs only).
 *   lab_note(fmt, ...), lab_exit(actor, wait_status), lab_fork() for each extra actor.
 *
 * Lines are written with one write(2) each, so forked processes sharing stdout never
 * interleave inside a line and nothing sits in a stdio buffer across fork().
 */
#ifndef SOCKERR_LAB_H
#define SOCKERR_LAB_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* strerrorname_np, sigabbrev_np; the runner also passes -D_GNU_SOURCE */
#endif
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define LAB_LINE 4096

/* The server port: LAB_PORT from the runner, 8080 when unset. */
static inline int lab_port(void) {
  const char *p = getenv("LAB_PORT");
  return p && *p ? atoi(p) : 8080;
}

static inline void lab_put(char *buf, size_t *n, const char *s) {
  for (; *s && *n < LAB_LINE - 8; s++) {
    unsigned char c = (unsigned char)*s;
    if (c == '"' || c == '\\') {
      buf[(*n)++] = '\\';
      buf[(*n)++] = (char)c;
    } else if (c < 0x20) {
      *n += (size_t)snprintf(buf + *n, LAB_LINE - *n, "\\u%04x", c);
    } else {
      buf[(*n)++] = (char)c;
    }
  }
}

static inline void lab_raw(char *buf, size_t *n, const char *s) {
  size_t len = strlen(s);
  if (*n + len >= LAB_LINE - 2) len = LAB_LINE - 2 - *n;
  memcpy(buf + *n, s, len);
  *n += len;
}

static inline void lab_send(char *buf, size_t n) {
  buf[n++] = '\n';
  size_t off = 0;
  while (off < n) {
    ssize_t w = write(1, buf + off, n - off);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return;
    off += (size_t)w;
  }
}

/* Print one call's outcome; err and value are errno numbers or 0. */
static inline void lab_emit(const char *actor, long ret, int err, int value, int aside, const char *fmt, ...) {
  char text[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(text, sizeof text, fmt, ap);
  va_end(ap);
  char buf[LAB_LINE];
  size_t n = 0;
  char num[64];
  lab_raw(buf, &n, "{\"ev\":\"call\",\"actor\":\"");
  lab_put(buf, &n, actor);
  lab_raw(buf, &n, "\",\"text\":\"");
  lab_put(buf, &n, text);
  snprintf(num, sizeof num, "\",\"ret\":%ld", ret);
  lab_raw(buf, &n, num);
  if (err) {
    lab_raw(buf, &n, ",\"errno\":\"");
    lab_put(buf, &n, strerrorname_np(err));
    lab_raw(buf, &n, "\",\"message\":\"");
    lab_put(buf, &n, strerror(err));
    lab_raw(buf, &n, "\"");
  }
  if (value) {
    lab_raw(buf, &n, ",\"value\":\"");
    lab_put(buf, &n, strerrorname_np(value));
    lab_raw(buf, &n, "\"");
  }
  if (aside) lab_raw(buf, &n, ",\"aside\":true");
  lab_raw(buf, &n, "}");
  lab_send(buf, n);
}

/* Run a call, print its result with the text that follows, and yield the result. */
#define LAB_CALL_(aside, actor, expr, ...)                                  \
  __extension__({                                                          \
    errno = 0;                                                             \
    long lab_r_ = (long)(expr);                                            \
    int lab_e_ = errno;                                                    \
    lab_emit((actor), lab_r_, lab_r_ < 0 ? lab_e_ : 0, 0, (aside), __VA_ARGS__); \
    errno = lab_e_;                                                        \
    lab_r_;                                                                \
  })
#define LAB_CALL(actor, expr, ...) LAB_CALL_(0, actor, expr, __VA_ARGS__)
/* A call shown in the transcript but not compared with the scenario (setup, extras). */
#define LAB_ASIDE(actor, expr, ...) LAB_CALL_(1, actor, expr, __VA_ARGS__)

static inline void lab_note(const char *fmt, ...) {
  char text[2048];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(text, sizeof text, fmt, ap);
  va_end(ap);
  char buf[LAB_LINE];
  size_t n = 0;
  lab_raw(buf, &n, "{\"ev\":\"note\",\"text\":\"");
  lab_put(buf, &n, text);
  lab_raw(buf, &n, "\"}");
  lab_send(buf, n);
}

/* Ask the runner for an ss snapshot (tcp or udp) and wait until it has been taken. */
static inline void lab_ss_proto(const char *proto, const char *filter, int server_port) {
  char buf[LAB_LINE];
  size_t n = 0;
  char num[64];
  lab_raw(buf, &n, "{\"ev\":\"ss\",\"proto\":\"");
  lab_put(buf, &n, proto);
  lab_raw(buf, &n, "\",\"filter\":\"");
  lab_put(buf, &n, filter);
  snprintf(num, sizeof num, "\",\"server\":%d}", server_port);
  lab_raw(buf, &n, num);
  lab_send(buf, n);
  char line[16];
  // The runner answers with one line once ss has run; EOF means it is gone.
  ssize_t r;
  do r = read(0, line, sizeof line); while (r < 0 && errno == EINTR);
}

static inline void lab_ss(const char *filter, int server_port) { lab_ss_proto("tcp", filter, server_port); }

/* Ask the runner to run a shell command inside the lab's namespace and wait until it has. */
static inline void lab_run(const char *command) {
  char buf[LAB_LINE];
  size_t n = 0;
  lab_raw(buf, &n, "{\"ev\":\"run\",\"command\":\"");
  lab_put(buf, &n, command);
  lab_raw(buf, &n, "\"}");
  lab_send(buf, n);
  char line[16];
  ssize_t r;
  do r = read(0, line, sizeof line); while (r < 0 && errno == EINTR);
}

/* Report how a forked actor ended, from a waitpid() status. */
static inline void lab_exit(const char *actor, int status) {
  char buf[LAB_LINE];
  size_t n = 0;
  char num[96];
  lab_raw(buf, &n, "{\"ev\":\"exit\",\"actor\":\"");
  lab_put(buf, &n, actor);
  if (WIFSIGNALED(status)) {
    snprintf(num, sizeof num, "\",\"signal\":\"SIG%s\"}", sigabbrev_np(WTERMSIG(status)));
  } else {
    snprintf(num, sizeof num, "\",\"code\":%d}", WEXITSTATUS(status));
  }
  lab_raw(buf, &n, num);
  lab_send(buf, n);
}

/* An IPv4 address and port. */
static inline struct sockaddr_in lab_addr(const char *ip, int port) {
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_port = htons((unsigned short)port);
  inet_pton(AF_INET, ip, &a.sin_addr);
  return a;
}

/* The ss filter selecting one port's connections: "( sport = :PORT or dport = :PORT )". */
static inline void lab_port_filter(char *out, size_t size, int port) {
  snprintf(out, size, "( sport = :%d or dport = :%d )", port, port);
}

/*
 * The usual server side, printed as setup (not compared with the scenario): a TCP socket of
 * the given type with SO_REUSEADDR, bound to 127.0.0.1:port and listening. Exits with
 * status 3 when the bind fails (the port is taken), so the runner reports it.
 */
static inline int lab_listen(int port, int type, int backlog) {
  struct sockaddr_in sa = lab_addr("127.0.0.1", port);
  int one = 1;
  int lfd = (type & SOCK_NONBLOCK)
                ? LAB_ASIDE("right", socket(AF_INET, type, 0), "socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0)")
                : LAB_ASIDE("right", socket(AF_INET, type, 0), "socket(AF_INET, SOCK_STREAM, 0)");
  setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (LAB_ASIDE("right", bind(lfd, (struct sockaddr *)&sa, sizeof sa), "bind(lfd, 127.0.0.1:%d)", port) < 0) exit(3);
  LAB_ASIDE("right", listen(lfd, backlog), "listen(lfd, %d)", backlog);
  return lfd;
}

/* The local port a socket is bound to. */
static inline int lab_local_port(int fd) {
  struct sockaddr_in a;
  socklen_t len = sizeof a;
  if (getsockname(fd, (struct sockaddr *)&a, &len) < 0) return -1;
  return ntohs(a.sin_port);
}

static inline void lab_sleep_ms(long ms) {
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  while (nanosleep(&ts, &ts) < 0 && errno == EINTR) {
  }
}

/* fork(), with the child killed if this process dies first, so no actor outlives a lab. */
static inline pid_t lab_fork(void) {
  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(3);
  }
  return pid;
}

/* Stop with a message when a step the lab depends on (not the one it shows) fails. */
static inline void lab_die(const char *what) {
  lab_note("lab setup failed: %s: %s", what, strerror(errno));
  exit(3);
}

#endif
