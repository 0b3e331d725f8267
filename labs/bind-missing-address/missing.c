/*
 * bind-missing-address: a server configured with an address this host (or namespace)
 * does not have. 192.0.2.1 and 2001:db8::1 are documentation addresses no host owns.
 */
#include "lab.h"

int main(void) {
  int port = lab_port();
  struct sockaddr_in v4 = lab_addr("192.0.2.1", port);
  struct sockaddr_in6 v6;
  memset(&v6, 0, sizeof v6);
  v6.sin6_family = AF_INET6;
  v6.sin6_port = htons((unsigned short)port);
  inet_pton(AF_INET6, "2001:db8::1", &v6.sin6_addr);

  int fd = LAB_ASIDE("right", socket(AF_INET, SOCK_STREAM, 0), "socket(AF_INET, SOCK_STREAM, 0)");
  LAB_CALL("right", bind(fd, (struct sockaddr *)&v4, sizeof v4), "bind(fd, 192.0.2.1:%d)", port);
  close(fd);

  int fd6 = socket(AF_INET6, SOCK_STREAM, 0);
  if (fd6 < 0) {
    lab_note("no IPv6 here: socket(AF_INET6) failed with %s", strerrorname_np(errno));
  } else {
    LAB_ASIDE("right", fd6, "socket(AF_INET6, SOCK_STREAM, 0)");
    LAB_CALL("right", bind(fd6, (struct sockaddr *)&v6, sizeof v6), "bind(fd6, [2001:db8::1]:%d)", port);
    close(fd6);
  }

  lab_note("the same bind with IP_FREEBIND, which lets a socket bind an address the host does not have (yet)");
  int one = 1;
  int fb = LAB_ASIDE("right", socket(AF_INET, SOCK_STREAM, 0), "socket(AF_INET, SOCK_STREAM, 0)");
  LAB_ASIDE("right", setsockopt(fb, IPPROTO_IP, IP_FREEBIND, &one, sizeof one), "setsockopt(fd, IPPROTO_IP, IP_FREEBIND, 1)");
  LAB_ASIDE("right", bind(fb, (struct sockaddr *)&v4, sizeof v4), "bind(fd, 192.0.2.1:%d)", port);
  LAB_ASIDE("right", listen(fb, 8), "listen(fd, 8)");
  close(fb);
  return 0;
}
