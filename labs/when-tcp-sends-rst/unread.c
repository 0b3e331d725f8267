/*
 * when-tcp-sends-rst: the server reads only the request line of an upload, answers, and
 * closes with the body unread, so its kernel resets. The client's retry then meets no listener.
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

  char upload[4009];
  memcpy(upload, "PUT /big\n", 9);
  memset(upload + 9, 'x', sizeof upload - 9);
  LAB_CALL("left", write(fd, upload, sizeof upload), "write(fd, \"PUT /big\\n\" + body, 4009)");
  lab_sleep_ms(20);
  char line[9];
  LAB_CALL("right", read(cfd, line, sizeof line), "read(cfd, buf, 9)");
  LAB_CALL("right", write(cfd, "413 Payload Too Large\n", 22), "write(cfd, \"413 Payload Too Large\\n\", 22)");
  lab_sleep_ms(20);
  lab_ss(filter, port);
  LAB_CALL("right", close(cfd), "close(cfd)");
  // The server is being restarted: nothing listens when the client retries.
  LAB_ASIDE("right", close(lfd), "close(lfd)");
  lab_sleep_ms(20);
  lab_ss(filter, port);

  char chunk[1000];
  memset(chunk, 'y', sizeof chunk);
  LAB_CALL("left", write(fd, chunk, sizeof chunk), "write(fd, chunk, 1000)");
  char buf[100];
  long n = LAB_CALL("left", read(fd, buf, sizeof buf), "read(fd, buf, 100)");
  if (n > 0) lab_note("the client read: %.*s", (int)(n > 0 && buf[n - 1] == '\n' ? n - 1 : n), buf);
  LAB_CALL("left", read(fd, buf, sizeof buf), "read(fd, buf, 100)");
  close(fd);

  int fd2 = LAB_ASIDE("left", socket(AF_INET, SOCK_STREAM, 0), "socket(AF_INET, SOCK_STREAM, 0)");
  LAB_CALL("left", connect(fd2, (struct sockaddr *)&sa, sizeof sa), "connect(fd2, 127.0.0.1:%d)", port);
  close(fd2);
  return 0;
}
