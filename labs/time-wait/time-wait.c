/*
 * time-wait: the client closes first and keeps TIME_WAIT. Setup (inside the namespace)
 * narrows ip_local_port_range to four ports and turns off tcp_tw_reuse, whose default
 * (2) would let loopback connections reuse TIME_WAIT ports after one second.
 */
#include "lab.h"

#define RANGE 4 /* 47001-47004, set by lab.json */

/* Connect from fd (bound or not), accept, close the client first, then the server. */
static int round_trip(int lfd, int fd, struct sockaddr_in *sa, int shown) {
  int port = ntohs(sa->sin_port);
  long r = shown ? LAB_ASIDE("left", connect(fd, (struct sockaddr *)sa, sizeof *sa), "connect(fd, 127.0.0.1:%d)", port)
                 : connect(fd, (struct sockaddr *)sa, sizeof *sa);
  if (r < 0) return -1;
  int cfd = accept(lfd, NULL, NULL);
  if (cfd < 0) lab_die("accept");
  if (shown) {
    LAB_CALL("left", close(fd), "close(fd)");
  } else {
    close(fd);
  }
  char buf[16];
  if (shown) {
    LAB_ASIDE("right", read(cfd, buf, sizeof buf), "read(cfd, buf, 16)");
    LAB_CALL("right", close(cfd), "close(cfd)");
  } else {
    if (read(cfd, buf, sizeof buf) != 0) lab_die("expected end of file");
    close(cfd);
  }
  return 0;
}

int main(void) {
  int port = lab_port();
  char filter[128];
  lab_port_filter(filter, sizeof filter, port);
  struct sockaddr_in sa = lab_addr("127.0.0.1", port);
  struct sockaddr_in fixed = lab_addr("127.0.0.1", 47000);
  int one = 1;

  int lfd = lab_listen(port, SOCK_STREAM, 16);

  int fd = LAB_ASIDE("left", socket(AF_INET, SOCK_STREAM, 0), "socket(AF_INET, SOCK_STREAM, 0)");
  LAB_ASIDE("left", bind(fd, (struct sockaddr *)&fixed, sizeof fixed), "bind(fd, 127.0.0.1:47000)");
  if (round_trip(lfd, fd, &sa, 1) < 0) lab_die("connect");
  lab_sleep_ms(20);
  lab_ss(filter, port);

  int fd2 = LAB_ASIDE("left", socket(AF_INET, SOCK_STREAM, 0), "socket(AF_INET, SOCK_STREAM, 0)");
  LAB_CALL("left", bind(fd2, (struct sockaddr *)&fixed, sizeof fixed), "bind(fd2, 127.0.0.1:47000)");
  close(fd2);
  lab_note("SO_REUSEADDR on the new socket alone does not help: the old socket did not set it");
  int fd5 = LAB_ASIDE("left", socket(AF_INET, SOCK_STREAM, 0), "socket(AF_INET, SOCK_STREAM, 0)");
  LAB_ASIDE("left", setsockopt(fd5, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one), "setsockopt(fd5, SOL_SOCKET, SO_REUSEADDR, 1)");
  LAB_ASIDE("left", bind(fd5, (struct sockaddr *)&fixed, sizeof fixed), "bind(fd5, 127.0.0.1:47000)");
  close(fd5);

  int made = 0;
  for (int i = 0; i < RANGE; i++) {
    int s = socket(AF_INET, SOCK_STREAM, 0);
    if (round_trip(lfd, s, &sa, 0) < 0) {
      lab_note("connection %d of %d failed early: %s", i + 1, RANGE, strerrorname_np(errno));
      close(s);
      break;
    }
    made++;
  }
  lab_note("%d more connections, each closed by the client first: ports 47001-47004 of ip_local_port_range now "
           "all hold a TIME_WAIT connection to 127.0.0.1:%d", made, port);
  lab_ss(filter, port);
  int fd3 = LAB_ASIDE("left", socket(AF_INET, SOCK_STREAM, 0), "socket(AF_INET, SOCK_STREAM, 0)");
  LAB_CALL("left", connect(fd3, (struct sockaddr *)&sa, sizeof sa), "connect(fd3, 127.0.0.1:%d)", port);
  close(fd3);
  close(lfd);
  return 0;
}
