/*
 * server-process-killed: the server process is killed with SIGKILL while the client
 * is idle. Three processes: this coordinator, the server and the client.
 */
#include "lab.h"

int main(void) {
  int port = lab_port();
  char filter[128];
  lab_port_filter(filter, sizeof filter, port);
  struct sockaddr_in sa = lab_addr("127.0.0.1", port);
  int accepted[2], go[2];
  if (pipe(accepted) < 0 || pipe(go) < 0) lab_die("pipe");

  int lfd = lab_listen(port, SOCK_STREAM, 8);

  pid_t server = lab_fork();
  if (server == 0) {
    int cfd = LAB_ASIDE("right", accept(lfd, NULL, NULL), "accept(lfd, NULL, NULL)");
    (void)cfd;
    if (write(accepted[1], "a", 1) != 1) _exit(3);
    for (;;) pause();
  }
  // Only the server process holds the listener, so nothing listens once it is dead.
  close(lfd);

  pid_t client = lab_fork();
  if (client == 0) {
    // Node ignores SIGPIPE; make sure the client has the default action, as a C program would.
    signal(SIGPIPE, SIG_DFL);
    int fd = LAB_ASIDE("left", socket(AF_INET, SOCK_STREAM, 0), "socket(AF_INET, SOCK_STREAM, 0)");
    if (LAB_ASIDE("left", connect(fd, (struct sockaddr *)&sa, sizeof sa), "connect(fd, 127.0.0.1:%d)", port) < 0)
      _exit(3);
    char c;
    if (read(go[0], &c, 1) != 1) _exit(3);
    LAB_CALL("left", write(fd, "hello", 5), "write(fd, \"hello\", 5)");
    lab_sleep_ms(50);
    lab_ss(filter, port);
    char buf[100];
    LAB_CALL("left", read(fd, buf, sizeof buf), "read(fd, buf, 100)");
    // Block SIGPIPE for one call so the result can be printed, then let its default action run.
    sigset_t pipe_only, pending;
    sigemptyset(&pipe_only);
    sigaddset(&pipe_only, SIGPIPE);
    sigprocmask(SIG_BLOCK, &pipe_only, NULL);
    LAB_CALL("left", write(fd, "again", 5), "write(fd, \"again\", 5)");
    sigpending(&pending);
    lab_note("SIGPIPE %s (blocked for that one call so its result could be printed); unblocking it",
             sigismember(&pending, SIGPIPE) ? "is pending" : "was NOT raised");
    sigprocmask(SIG_UNBLOCK, &pipe_only, NULL);
    lab_note("the client is still alive after unblocking SIGPIPE");
    _exit(0);
  }

  char c;
  if (read(accepted[0], &c, 1) != 1) lab_die("waiting for accept");
  lab_ss(filter, port);
  lab_note("the server has read nothing and the client sent nothing: kill(server, SIGKILL)");
  kill(server, SIGKILL);
  int status;
  waitpid(server, &status, 0);
  lab_exit("right", status);
  lab_sleep_ms(50);
  lab_ss(filter, port);
  if (write(go[1], "g", 1) != 1) lab_die("starting the client");
  waitpid(client, &status, 0);
  lab_exit("left", status);
  return 0;
}
