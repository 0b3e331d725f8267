/*
 * reset-by-peer, C: the server has read the whole request, so a plain close() would send
 * FIN; a zero linger time turns the close into an RST.
 */
#include "lab.h"

int main(void) {
  int port = lab_port();
  char filter[128];
  lab_port_filter(filter, sizeof filter, port);
  struct sockaddr_in sa = lab_addr("127.0.0.1", port);

  int lfd = lab_listen(port, SOCK_STREAM, 8);
  int fd = LAB_ASIDE("left", socket(AF_INET, SOCK_STREAM, 0), "socket(AF_INET, SOCK_STREAM, 0)");
  LAB_ASIDE("left", connect(fd, (struct sockaddr *)&sa, sizeof sa), "connect(fd, 127.0.0.1:%d)", port);
  int cfd = LAB_ASIDE("right", accept(lfd, NULL, NULL), "accept(lfd, NULL, NULL)");
  close(lfd);

  LAB_CALL("left", write(fd, "GET /\n", 6), "write(fd, \"GET /\\n\", 6)");
  char buf[100];
  LAB_CALL("right", read(cfd, buf, sizeof buf), "read(cfd, buf, 100)");
  lab_note("the server has read everything; a plain close() would send FIN");
  struct linger lg = {1, 0};
  LAB_CALL("right", setsockopt(cfd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg), "setsockopt(cfd, SOL_SOCKET, SO_LINGER, {1, 0})");
  LAB_CALL("right", close(cfd), "close(cfd)");
  lab_sleep_ms(20);
  lab_ss(filter, port);
  LAB_CALL("left", read(fd, buf, sizeof buf), "read(fd, buf, 100)");
  LAB_CALL("left", read(fd, buf, sizeof buf), "read(fd, buf, 100)");
  LAB_ASIDE("left", send(fd, "x", 1, MSG_NOSIGNAL), "send(fd, \"x\", 1, MSG_NOSIGNAL)");
  close(fd);
  return 0;
}
