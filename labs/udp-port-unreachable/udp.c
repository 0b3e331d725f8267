/*
 * udp-port-unreachable: nothing is bound to the UDP port, so the kernel answers the
 * datagram with ICMP port unreachable. Only a connected socket is told.
 */
#include "lab.h"

int main(void) {
  int port = lab_port();
  char filter[128];
  lab_port_filter(filter, sizeof filter, port);
  struct sockaddr_in sa = lab_addr("127.0.0.1", port);
  char buf[100];

  int fd = LAB_ASIDE("left", socket(AF_INET, SOCK_DGRAM, 0), "socket(AF_INET, SOCK_DGRAM, 0)");
  LAB_CALL("left", connect(fd, (struct sockaddr *)&sa, sizeof sa), "connect(fd, 127.0.0.1:%d)", port);
  lab_ss_proto("udp", filter, port);
  LAB_CALL("left", send(fd, "hi", 2, 0), "send(fd, \"hi\", 2, 0)");
  lab_sleep_ms(20);
  LAB_CALL("left", recv(fd, buf, sizeof buf, 0), "recv(fd, buf, 100, 0)");
  LAB_CALL("left", send(fd, "hi", 2, 0), "send(fd, \"hi\", 2, 0)");

  lab_note("that datagram drew a new ICMP message too; any next call on the socket reports it, even a send");
  lab_sleep_ms(20);
  LAB_ASIDE("left", send(fd, "hi", 2, 0), "send(fd, \"hi\", 2, 0)");
  close(fd);

  lab_note("an unconnected socket is not told: Linux drops the ICMP error and recvfrom() finds nothing");
  int u = LAB_ASIDE("left", socket(AF_INET, SOCK_DGRAM, 0), "socket(AF_INET, SOCK_DGRAM, 0)");
  LAB_ASIDE("left", sendto(u, "hi", 2, 0, (struct sockaddr *)&sa, sizeof sa), "sendto(u, \"hi\", 2, 0, 127.0.0.1:%d)", port);
  lab_sleep_ms(20);
  LAB_ASIDE("left", recvfrom(u, buf, sizeof buf, MSG_DONTWAIT, NULL, NULL), "recvfrom(u, buf, 100, MSG_DONTWAIT, NULL, NULL)");
  close(u);
  return 0;
}
