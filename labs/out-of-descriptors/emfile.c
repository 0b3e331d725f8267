/*
 * out-of-descriptors: the server lowers its own descriptor limit (RLIMIT_NOFILE, a
 * per-process limit, so nothing outside this process changes) and uses every descriptor.
 * ENFILE, the system-wide fs.file-max, is not reproduced: that limit is not per namespace.
 */
#include <sys/epoll.h>
#include <sys/resource.h>
#include "lab.h"

#define LIMIT 16

int main(void) {
  int port = lab_port();
  char filter[128];
  lab_port_filter(filter, sizeof filter, port);
  struct sockaddr_in sa = lab_addr("127.0.0.1", port);

  int lfd = lab_listen(port, SOCK_STREAM | SOCK_NONBLOCK, 8);

  int ready[2];
  if (pipe(ready) < 0) lab_die("pipe");
  pid_t client = lab_fork();
  if (client == 0) {
    char c;
    if (read(ready[0], &c, 1) != 1) _exit(3);
    int fd = LAB_ASIDE("left", socket(AF_INET, SOCK_STREAM, 0), "socket(AF_INET, SOCK_STREAM, 0)");
    LAB_CALL("left", connect(fd, (struct sockaddr *)&sa, sizeof sa), "connect(fd, 127.0.0.1:%d)", port);
    char buf[100];
    // Waits for the greeting; gets end of file when the server closes the connection unserved.
    LAB_CALL("left", read(fd, buf, sizeof buf), "read(fd, buf, 100)");
    lab_sleep_ms(10);
    lab_ss(filter, port);
    _exit(0);
  }

  int ep = LAB_ASIDE("right", epoll_create1(0), "epoll_create1(0)");
  struct epoll_event want = {.events = EPOLLIN, .data.fd = lfd}, ev;
  LAB_ASIDE("right", epoll_ctl(ep, EPOLL_CTL_ADD, lfd, &want), "epoll_ctl(ep, EPOLL_CTL_ADD, lfd, {EPOLLIN})");
  int spare = LAB_ASIDE("right", open("/dev/null", O_RDONLY), "open(\"/dev/null\", O_RDONLY)");
  struct rlimit rl = {LIMIT, LIMIT};
  LAB_ASIDE("right", setrlimit(RLIMIT_NOFILE, &rl), "setrlimit(RLIMIT_NOFILE, {%d, %d})", LIMIT, LIMIT);
  int opened = 0;
  while (socket(AF_INET, SOCK_STREAM, 0) >= 0) opened++;
  lab_note("opened %d more sockets: every descriptor below %d is in use, one of them the spare", opened, LIMIT);
  LAB_ASIDE("right", socket(AF_INET, SOCK_STREAM, 0), "socket(AF_INET, SOCK_STREAM, 0)");

  if (write(ready[1], "c", 1) != 1) lab_die("starting the client");
  LAB_CALL("right", epoll_wait(ep, &ev, 1, -1), "epoll_wait(ep, &ev, 1, -1)");
  LAB_CALL("right", accept4(lfd, NULL, NULL, SOCK_NONBLOCK), "accept4(lfd, NULL, NULL, SOCK_NONBLOCK)");
  lab_ss(filter, port);
  LAB_CALL("right", epoll_wait(ep, &ev, 1, -1), "epoll_wait(ep, &ev, 1, -1)");
  LAB_CALL("right", accept4(lfd, NULL, NULL, SOCK_NONBLOCK), "accept4(lfd, NULL, NULL, SOCK_NONBLOCK)");

  struct timespec a, b;
  long spins = 0;
  clock_gettime(CLOCK_MONOTONIC, &a);
  do {
    if (epoll_wait(ep, &ev, 1, -1) == 1 && accept4(lfd, NULL, NULL, SOCK_NONBLOCK) < 0 && errno == EMFILE) spins++;
    clock_gettime(CLOCK_MONOTONIC, &b);
  } while ((b.tv_sec - a.tv_sec) * 1000000000L + (b.tv_nsec - a.tv_nsec) < 100000000L);
  lab_note("a level-triggered loop made %ld more epoll_wait + accept4 rounds in 100 ms, each failing with EMFILE", spins);

  LAB_CALL("right", close(spare), "close(spare)");
  int cfd = LAB_CALL("right", accept4(lfd, NULL, NULL, 0), "accept4(lfd, NULL, NULL, 0)");
  LAB_CALL("right", close(cfd), "close(fd)");
  LAB_ASIDE("right", open("/dev/null", O_RDONLY), "open(\"/dev/null\", O_RDONLY)");
  int status;
  waitpid(client, &status, 0);
  return 0;
}
