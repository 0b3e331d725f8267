/*
 * half-open-keepalive: an idle connection whose server disappears without a word (a
 * filter in the namespace drops every segment to and from the server's port, as a
 * crashed host or a cut cable would). Keepalive with short timers finds out in ~4 s.
 */
#include "lab.h"

int main(void) {
  int port = lab_port();
  char filter[128], rule[256];
  lab_port_filter(filter, sizeof filter, port);
  struct sockaddr_in sa = lab_addr("127.0.0.1", port);
  int one = 1, idle = 1, intvl = 1, cnt = 3;

  int lfd = lab_listen(port, SOCK_STREAM, 8);
  int fd = LAB_ASIDE("left", socket(AF_INET, SOCK_STREAM, 0), "socket(AF_INET, SOCK_STREAM, 0)");
  LAB_ASIDE("left", connect(fd, (struct sockaddr *)&sa, sizeof sa), "connect(fd, 127.0.0.1:%d)", port);
  int cfd = LAB_ASIDE("right", accept(lfd, NULL, NULL), "accept(lfd, NULL, NULL)");
  (void)cfd;

  LAB_CALL("left", setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof one), "setsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, 1)");
  LAB_CALL("left", setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle, sizeof idle), "setsockopt(fd, IPPROTO_TCP, TCP_KEEPIDLE, 1)");
  LAB_CALL("left", setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, &intvl, sizeof intvl), "setsockopt(fd, IPPROTO_TCP, TCP_KEEPINTVL, 1)");
  LAB_CALL("left", setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, &cnt, sizeof cnt), "setsockopt(fd, IPPROTO_TCP, TCP_KEEPCNT, 3)");

  lab_note("the server's host vanishes: every segment to or from port %d is dropped from now on", port);
  snprintf(rule, sizeof rule,
           "nft add rule inet lab input tcp sport %d counter drop && nft add rule inet lab input tcp dport %d counter drop",
           port, port);
  lab_run(rule);

  pid_t watcher = lab_fork();
  if (watcher == 0) {
    lab_sleep_ms(2500);
    lab_note("2.5 s later, the client is probing:");
    lab_ss(filter, port);
    _exit(0);
  }
  struct timespec a, b;
  clock_gettime(CLOCK_MONOTONIC, &a);
  char buf[100];
  LAB_CALL("left", read(fd, buf, sizeof buf), "read(fd, buf, 100)");
  clock_gettime(CLOCK_MONOTONIC, &b);
  lab_note("read() blocked for %.2f s", (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9);
  int status;
  waitpid(watcher, &status, 0);
  lab_ss(filter, port);
  return 0;
}
