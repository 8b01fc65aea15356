"""The running ./suite's service processes, and their resident memory (standard library only)."""
import os
import threading
import time

SERVICES = ("gateway", "partner-service", "content-service", "schedule-service")
LAUNCHER = b"io.syndication.suite.Suite"


def _cmdline(pid):
    try:
        with open("/proc/%s/cmdline" % pid, "rb") as cmdline:
            return cmdline.read().split(b"\0")
    except OSError:
        return []


def _parent(pid):
    try:
        with open("/proc/%s/stat" % pid) as stat:
            # the command in parentheses may hold spaces: the parent's pid is the second field after it
            return stat.read().rsplit(")", 1)[1].split()[1]
    except (OSError, IndexError):
        return None


def suite_services():
    """{service: pid} of the services ./suite's launcher started (not gateways a benchmark starts)."""
    found = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        args = _cmdline(pid)
        for service in SERVICES:
            if any(arg.endswith(b"%s/target/quarkus-app/quarkus-run.jar" % service.encode()) for arg in args) \
                    and LAUNCHER in b" ".join(_cmdline(_parent(pid))):
                found[service] = int(pid)
    return found


def suite_service(service):
    pid = suite_services().get(service)
    if pid is None:
        raise SystemExit("no %s started by ./suite found: is ./suite running?" % service)
    return pid


def java_of(pid):
    """The java a process was started with (the first word of its command line)."""
    return _cmdline(pid)[0].decode()


def rss_mb(pid):
    """Resident memory in MB; 0 once the process is gone."""
    try:
        with open("/proc/%d/status" % pid) as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class Memory:
    """Samples a process's resident memory every 20 ms while a step runs."""

    def __init__(self, pid):
        self.pid = pid

    def __enter__(self):
        self.before = rss_mb(self.pid)
        self.peak = self.before
        self.running = True
        self.thread = threading.Thread(target=self._sample, daemon=True)
        self.thread.start()
        return self

    def _sample(self):
        while self.running:
            self.peak = max(self.peak, rss_mb(self.pid))
            time.sleep(0.02)

    def __exit__(self, *exc):
        self.running = False
        self.thread.join()

    def __str__(self):
        return "peak RSS %.0f MB (+%.0f MB)" % (self.peak, self.peak - self.before)
