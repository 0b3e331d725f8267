/*
 * non-blocking-io: one non-blocking client socket through the errors that mean "not yet"
 * instead of "failed". The listener's accept queue is full at first (backlog 0 and one
 * connection waiting), so the client's SYN is dropped and the handshake is still under way
 * when connect() is called again; accepting the waiting connection lets the SYN's
 * retransmission through about a second later.
 */
#include "lab.h"

static void on_alarm(int sig) { (void)sig; }

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(void) {
  int port = lab_port();
  char filter[128];
  lab_port_filter(filter, sizeof filter, port);
  struct sockaddr_in sa = lab_addr("127.0.0.1", port);
  static char buf[65536];

  int lfd = lab_listen(port, SOCK_STREAM, 0);
  int filler = LAB_ASIDE("left", socket(AF_INET, SOCK_STREAM, 0), "socket(AF_INET, SOCK_STREAM, 0)");
  LAB_ASIDE("left", connect(filler, (struct sockaddr *)&sa, sizeof sa), "connect(filler, 127.0.0.1:%d)", port);
  lab_note("the accept queue (backlog 0) now holds one connection: further SYNs are dropped until the server accepts");

  int fd = LAB_ASIDE("left", socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0),
                     "socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0)");
  LAB_CALL("left", connect(fd, (struct sockaddr *)&sa, sizeof sa), "connect(fd, 127.0.0.1:%d)", port);
  LAB_CALL("left", connect(fd, (struct sockaddr *)&sa, sizeof sa), "connect(fd, 127.0.0.1:%d)", port);
  lab_ss(filter, port);
  int waiting = LAB_ASIDE("right", accept(lfd, NULL, NULL), "accept(lfd, NULL, NULL)");
  lab_note("the queue has room again; the SYN's retransmission will get through");

  double t0 = now();
  struct pollfd p = {fd, POLLOUT, 0};
  LAB_CALL("left", poll(&p, 1, 5000), "poll({fd, POLLOUT}, 1, 5000)");
  lab_note("poll() waited %.2f s; revents = %s%s%s", now() - t0, p.revents & POLLOUT ? "POLLOUT" : "",
           p.revents & POLLERR ? " POLLERR" : "", p.revents & POLLHUP ? " POLLHUP" : "");
  int err = 0;
  socklen_t len = sizeof err;
  long r = getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
  lab_emit("left", r, r < 0 ? errno : 0, err, 0, "getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len)");
  LAB_CALL("left", connect(fd, (struct sockaddr *)&sa, sizeof sa), "connect(fd, 127.0.0.1:%d)", port);
  LAB_CALL("left", connect(fd, (struct sockaddr *)&sa, sizeof sa), "connect(fd, 127.0.0.1:%d)", port);
  LAB_CALL("left", read(fd, buf, 100), "read(fd, buf, 100)");

  // The server never reads: write until the kernel takes only part of a buffer, then nothing.
  memset(buf, 'x', sizeof buf);
  long full = 0, n;
  while ((n = write(fd, buf, sizeof buf)) == (long)sizeof buf) full++;
  lab_note("%ld writes of 65536 bytes were taken whole before this one", full);
  lab_emit("left", n, n < 0 ? errno : 0, 0, 0, "write(fd, buf, 65536)");
  LAB_CALL("left", write(fd, buf, sizeof buf), "write(fd, buf, 65536)");
  lab_ss(filter, port);

  struct sigaction act;
  memset(&act, 0, sizeof act);
  act.sa_handler = on_alarm;
  act.sa_flags = SA_RESTART;
  sigaction(SIGALRM, &act, NULL);
  lab_note("SIGALRM's handler is installed with SA_RESTART; the timer fires in 300 ms");
  ualarm(300000, 0);
  LAB_CALL("left", poll(&p, 1, 5000), "poll({fd, POLLOUT}, 1, 5000)");
  close(waiting);
  close(filler);
  close(fd);

  lab_note("for comparison, a non-blocking connect that fails: the reason arrives through SO_ERROR");
  close(lfd);
  int fd3 = LAB_ASIDE("left", socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0),
                      "socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0)");
  LAB_ASIDE("left", connect(fd3, (struct sockaddr *)&sa, sizeof sa), "connect(fd3, 127.0.0.1:%d)", port);
  struct pollfd p3 = {fd3, POLLOUT, 0};
  LAB_ASIDE("left", poll(&p3, 1, 1000), "poll({fd3, POLLOUT}, 1, 1000)");
  lab_note("revents = %s%s%s", p3.revents & POLLOUT ? "POLLOUT" : "", p3.revents & POLLERR ? " POLLERR" : "",
           p3.revents & POLLHUP ? " POLLHUP" : "");
  err = 0;
  len = sizeof err;
  r = getsockopt(fd3, SOL_SOCKET, SO_ERROR, &err, &len);
  lab_emit("left", r, r < 0 ? errno : 0, err, 1, "getsockopt(fd3, SOL_SOCKET, SO_ERROR, &err, &len)");
  close(fd3);
  return 0;
}
