/*
 * connect-timeout: a server listens, but a filter in the namespace drops SYNs to its port,
 * so nothing ever answers. Setup cuts the SYN retries to 1 (and the linear timeouts to 0):
 * SYN at 0 s, one retransmission at 1 s, and the attempt ends about 3 s in.
 */
#include "lab.h"

int main(void) {
  int port = lab_port();
  char filter[128];
  lab_port_filter(filter, sizeof filter, port);
  struct sockaddr_in sa = lab_addr("127.0.0.1", port);

  int lfd = lab_listen(port, SOCK_STREAM, 8);

  pid_t client = lab_fork();
  if (client == 0) {
    int fd = LAB_ASIDE("left", socket(AF_INET, SOCK_STREAM, 0), "socket(AF_INET, SOCK_STREAM, 0)");
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    LAB_CALL("left", connect(fd, (struct sockaddr *)&sa, sizeof sa), "connect(fd, 127.0.0.1:%d)", port);
    clock_gettime(CLOCK_MONOTONIC, &b);
    lab_note("connect() blocked for %.2f s", (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9);
    _exit(0);
  }
  lab_sleep_ms(1500);
  lab_note("1.5 s after connect() was called:");
  lab_ss(filter, port);
  int status;
  waitpid(client, &status, 0);
  close(lfd);
  return 0;
}
