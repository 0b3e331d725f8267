/*
 * rst-before-accept: the connection completes in the kernel, the client aborts it with
 * SO_LINGER {1, 0} and close(), and only then does the server call accept().
 */
#include "lab.h"

int main(void) {
  int port = lab_port();
  char filter[128];
  lab_port_filter(filter, sizeof filter, port);
  struct sockaddr_in sa = lab_addr("127.0.0.1", port);

  int lfd = lab_listen(port, SOCK_STREAM, 8);

  int fd = LAB_ASIDE("left", socket(AF_INET, SOCK_STREAM, 0), "socket(AF_INET, SOCK_STREAM, 0)");
  LAB_CALL("left", connect(fd, (struct sockaddr *)&sa, sizeof sa), "connect(fd, 127.0.0.1:%d)", port);
  lab_sleep_ms(20);
  lab_ss(filter, port);
  struct linger lg = {1, 0};
  LAB_CALL("left", setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof lg), "setsockopt(fd, SOL_SOCKET, SO_LINGER, {1, 0})");
  LAB_CALL("left", close(fd), "close(fd)");
  lab_sleep_ms(20);
  lab_ss(filter, port);
  lab_note("the server calls accept() only now");

  struct sockaddr_in peer;
  socklen_t len = sizeof peer;
  int cfd = LAB_CALL("right", accept(lfd, (struct sockaddr *)&peer, &len), "accept(lfd, &peer, &len)");
  if (cfd < 0) return 0;
  char ip[INET_ADDRSTRLEN] = "?";
  inet_ntop(AF_INET, &peer.sin_addr, ip, sizeof ip);
  lab_note("accept() filled in the peer address %s:%d (len %u)", ip, ntohs(peer.sin_port), (unsigned)len);
  struct sockaddr_in again;
  socklen_t alen = sizeof again;
  LAB_ASIDE("right", getpeername(cfd, (struct sockaddr *)&again, &alen), "getpeername(cfd, &addr, &len)");
  char buf[64];
  LAB_CALL("right", recv(cfd, buf, sizeof buf, 0), "recv(cfd, buf, 64, 0)");
  LAB_CALL("right", recv(cfd, buf, sizeof buf, 0), "recv(cfd, buf, 64, 0)");
  LAB_ASIDE("right", send(cfd, "x", 1, MSG_NOSIGNAL), "send(cfd, \"x\", 1, MSG_NOSIGNAL)");
  LAB_CALL("right", close(cfd), "close(cfd)");
  close(lfd);
  return 0;
}
