/*
 * address-in-use: the old server closes its connection first and exits, leaving that
 * connection in TIME_WAIT on port 8080; the new server's bind() needs SO_REUSEADDR.
 * Afterwards, aside: a live listener blocks even SO_REUSEADDR, and SO_REUSEADDR helps
 * against TIME_WAIT only if the old socket had set it too.
 */
#include "lab.h"

/* A connection on port (0: one the kernel picks), closed by the server first; returns the port. */
static int old_server(int port, int reuse) {
  struct sockaddr_in any = lab_addr("0.0.0.0", port);
  int one = 1;
  char buf[16];
  int lfd = LAB_ASIDE("right", socket(AF_INET, SOCK_STREAM, 0), "socket(AF_INET, SOCK_STREAM, 0)");
  if (reuse) {
    LAB_ASIDE("right", setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one),
              "setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, 4)");
  }
  if (LAB_ASIDE("right", bind(lfd, (struct sockaddr *)&any, sizeof any), "bind(lfd, 0.0.0.0:%d)", port) < 0) exit(3);
  LAB_ASIDE("right", listen(lfd, 8), "listen(lfd, 8)");
  port = lab_local_port(lfd);
  struct sockaddr_in lo = lab_addr("127.0.0.1", port);
  int fd = LAB_ASIDE("left", socket(AF_INET, SOCK_STREAM, 0), "socket(AF_INET, SOCK_STREAM, 0)");
  LAB_ASIDE("left", connect(fd, (struct sockaddr *)&lo, sizeof lo), "connect(fd, 127.0.0.1:%d)", port);
  int cfd = LAB_ASIDE("right", accept(lfd, NULL, NULL), "accept(lfd, NULL, NULL)");
  lab_note("the old server shuts down: it closes its connection first, then its listener");
  LAB_CALL("right", close(cfd), "close(cfd)");
  LAB_ASIDE("right", close(lfd), "close(lfd)");
  LAB_ASIDE("left", read(fd, buf, sizeof buf), "read(fd, buf, 16)");
  LAB_ASIDE("left", close(fd), "close(fd)");
  lab_sleep_ms(20);
  return port;
}

int main(void) {
  int port = lab_port();
  char filter[128];
  lab_port_filter(filter, sizeof filter, port);
  struct sockaddr_in any = lab_addr("0.0.0.0", port);
  int one = 1;

  lab_note("the old server set SO_REUSEADDR on its listener, as Node and Python's http.server do");
  old_server(port, 1);
  lab_ss(filter, port);

  lab_note("the new server process starts within the minute");
  int lfd = LAB_ASIDE("right", socket(AF_INET, SOCK_STREAM, 0), "socket(AF_INET, SOCK_STREAM, 0)");
  LAB_CALL("right", bind(lfd, (struct sockaddr *)&any, sizeof any), "bind(lfd, 0.0.0.0:%d)", port);
  close(lfd);
  lfd = LAB_ASIDE("right", socket(AF_INET, SOCK_STREAM, 0), "socket(AF_INET, SOCK_STREAM, 0)");
  LAB_CALL("right", setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one),
           "setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, 4)");
  LAB_CALL("right", bind(lfd, (struct sockaddr *)&any, sizeof any), "bind(lfd, 0.0.0.0:%d)", port);
  LAB_ASIDE("right", listen(lfd, 8), "listen(lfd, 8)");
  lab_ss(filter, port);

  lab_note("aside: while that server listens, a second one cannot bind the port, SO_REUSEADDR or not");
  int other = LAB_ASIDE("right", socket(AF_INET, SOCK_STREAM, 0), "socket(AF_INET, SOCK_STREAM, 0)");
  LAB_ASIDE("right", setsockopt(other, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one),
            "setsockopt(fd2, SOL_SOCKET, SO_REUSEADDR, &one, 4)");
  LAB_ASIDE("right", bind(other, (struct sockaddr *)&any, sizeof any), "bind(fd2, 0.0.0.0:%d)", port);
  close(other);
  close(lfd);

  lab_note("aside: the same restart, on a port the kernel picks, with an old server that did NOT set SO_REUSEADDR");
  int next = old_server(0, 0);
  struct sockaddr_in any2 = lab_addr("0.0.0.0", next);
  int late = LAB_ASIDE("right", socket(AF_INET, SOCK_STREAM, 0), "socket(AF_INET, SOCK_STREAM, 0)");
  LAB_ASIDE("right", setsockopt(late, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one),
            "setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, 4)");
  LAB_ASIDE("right", bind(late, (struct sockaddr *)&any2, sizeof any2), "bind(lfd, 0.0.0.0:%d)", next);
  close(late);
  return 0;
}
