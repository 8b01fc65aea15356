"""Where a profiled process's CPU goes: async-profiler's collapsed stacks summed by component.

Each sample counts for the innermost frame that belongs to a known component (the gateway's own
classes, Quarkus, Vert.x, Netty, ...); samples in the kernel count for the system call they came
from, and the JIT compiler's own threads count as such.
Usage: python3 benchmarks/profile_groups.py collapsed.txt
"""
import collections
import sys

COMPONENTS = [
    ("io/syndication/", "the gateway's own code"),
    ("io/quarkus/micrometer", "metrics"), ("io/micrometer", "metrics"),
    ("io/quarkus/vertx/http/runtime/security", "security (Quarkus)"), ("io/quarkus/security", "security (Quarkus)"),
    ("io/quarkus/oidc", "security (Quarkus)"), ("io/smallrye/jwt", "security (Quarkus)"),
    ("io/smallrye/context", "context propagation"), ("io/smallrye/mutiny", "Mutiny"), ("io/quarkus/arc", "CDI (ArC)"),
    ("io/vertx/circuitbreaker", "circuit breaker"),
    ("io/vertx/ext/web", "vertx-web router"), ("io/quarkus/vertx", "Quarkus HTTP"),
    ("io/vertx/core/http", "Vert.x HTTP"), ("io/vertx/core", "Vert.x core"),
    ("io/netty/handler/codec/http", "Netty HTTP codec"), ("io/netty/buffer", "Netty buffers"), ("io/netty", "Netty"),
    ("com/github/benmanes/caffeine", "caches (Caffeine)"), ("io/github/bucket4j", "rate limits (bucket4j)"),
    ("org/jboss/log", "logging"),
]


def component(frames):
    if any("Compile" in frame or frame.startswith("C2") for frame in frames):
        return "JIT compiler"
    native = next((frame for frame in reversed(frames) if not frame.endswith("_[k]")), frames[-1])
    if frames[-1].endswith("_[k]") or native.startswith("__") or native in ("writev", "epoll_wait"):
        # a system call: named by the C library's wrapper it went through
        return "kernel: " + native.lstrip("_").replace("GI_", "").replace("libc_", "")
    for frame in reversed(frames):
        for prefix, name in COMPONENTS:
            if frame.startswith(prefix):
                return name
    return "JDK and JVM"


samples = collections.Counter()
for line in open(sys.argv[1]):
    stack, count = line.rsplit(" ", 1)
    samples[component(stack.split(";"))] += int(count)
total = sum(samples.values())
for name, count in samples.most_common(20):
    print(f"{100 * count / total:6.1f}%  {name}")
