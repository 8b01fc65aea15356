"""Where a profiled process's CPU goes: its samples summed by component.

Reads async-profiler's collapsed stacks (what gateway.sh's PROFILE=1 records) or a JFR recording
(what benchmarks/run --profile records), whose execution samples it first turns into collapsed
stacks with the JDK's `jfr print` (--collapsed FILE keeps them, e.g. for a flame graph).
Each sample counts for the innermost frame that belongs to a known component (the service's own
classes, Hibernate, Jackson, Vert.x, Netty, ...); samples in the kernel count for the system call
they came from, and the JIT compiler's own threads count as such (async-profiler only: JFR samples
Java code alone).
Usage: python3 benchmarks/profile_groups.py collapsed.txt|recording.jfr [--collapsed FILE]
"""
import argparse
import collections
import re
import subprocess

# (class name prefix, component); for one frame the first match counts, so the narrower come first
COMPONENTS = [
    ("io/syndication/", "the platform's own code"),
    ("io/quarkus/micrometer", "metrics"), ("io/micrometer", "metrics"),
    ("io/quarkus/vertx/http/runtime/security", "security (Quarkus)"), ("io/quarkus/security", "security (Quarkus)"),
    ("io/quarkus/oidc", "security (Quarkus)"), ("io/smallrye/jwt", "security (Quarkus)"),
    ("org/jose4j", "token signatures (jose4j)"),
    ("io/smallrye/context", "context propagation"), ("io/smallrye/mutiny", "Mutiny"), ("io/quarkus/arc", "CDI (ArC)"),
    ("io/vertx/circuitbreaker", "circuit breaker"), ("io/smallrye/faulttolerance", "fault tolerance"),
    ("org/hibernate/validator", "Bean Validation (Hibernate Validator)"),
    ("org/hibernate/reactive", "Hibernate Reactive"), ("io/quarkus/hibernate/reactive", "Hibernate Reactive"),
    ("org/hibernate", "Hibernate ORM"), ("io/quarkus/hibernate", "Hibernate ORM"),
    ("io/vertx/pgclient", "PostgreSQL client (Vert.x)"), ("io/vertx/sqlclient", "PostgreSQL client (Vert.x)"),
    ("org/postgresql", "PostgreSQL JDBC driver"), ("io/agroal", "connection pool (Agroal)"),
    ("com/arjuna", "transactions (Narayana)"), ("io/quarkus/narayana", "transactions (Narayana)"),
    ("com/fasterxml/jackson", "JSON (Jackson)"), ("io/quarkus/jackson", "JSON (Jackson)"),
    ("org/jboss/resteasy/reactive", "REST (quarkus-rest)"), ("io/quarkus/resteasy/reactive", "REST (quarkus-rest)"),
    ("io/quarkus/rest", "REST (quarkus-rest)"), ("org/jboss/resteasy", "REST (RESTEasy)"),
    ("io/vertx/ext/web", "vertx-web router"), ("io/quarkus/vertx", "Quarkus HTTP"),
    ("io/vertx/core/http", "Vert.x HTTP"), ("io/vertx/core", "Vert.x core"),
    ("io/netty/handler/codec/http", "Netty HTTP codec"), ("io/netty/buffer", "Netty buffers"), ("io/netty", "Netty"),
    ("com/github/benmanes/caffeine", "caches (Caffeine)"), ("io/github/bucket4j", "rate limits (bucket4j)"),
    ("org/jboss/logmanager", "logging"), ("org/jboss/log", "logging"),
]


def component(frames):
    # async-profiler's native frames are C++ names: the JIT compiler's are CompileBroker::..., C2Compiler::...
    if any(("::" in frame and "Compile" in frame) or frame.startswith("C2") for frame in frames):
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


# a frame as `jfr print` writes it: "io.netty.channel.nio.NioEventLoop.run() line: 562"
JFR_FRAME = re.compile(r"^\s+([\w$.<>]+)\.([\w$<>]+)\(")


def jfr_collapsed(recording):
    """The recording's execution samples as collapsed stacks ("root;...;leaf count" lines), in
    async-profiler's frame names (io/netty/channel/nio/NioEventLoop.run)."""
    printed = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", recording],
                             capture_output=True, text=True, check=True).stdout
    stacks = collections.Counter()
    frames, thread = [], ""
    for line in printed.splitlines():
        if line.startswith("jdk.ExecutionSample"):
            frames, thread = [], ""
        elif line.startswith("  sampledThread"):
            thread = line
        elif line == "}" and frames and "Attach Listener" not in thread:  # not jcmd's own work
            stacks[";".join(reversed(frames))] += 1
        else:
            frame = JFR_FRAME.match(line)
            if frame:
                frames.append(frame.group(1).replace(".", "/") + "." + frame.group(2))
    return ["%s %d" % (stack, count) for stack, count in stacks.items()]


def summary(collapsed_lines, top=20):
    """Lines "share  component", the largest first."""
    samples = collections.Counter()
    for line in collapsed_lines:
        stack, count = line.rsplit(" ", 1)
        samples[component(stack.split(";"))] += int(count)
    total = sum(samples.values())
    if not total:
        return ["(no samples)"]
    return ["%6.1f%%  %s" % (100 * count / total, name) for name, count in samples.most_common(top)] + [
        "(%d samples)" % total]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("profile", help="async-profiler's collapsed stacks, or a JFR recording (.jfr)")
    parser.add_argument("--collapsed", help="where to keep a JFR recording's samples as collapsed stacks")
    args = parser.parse_args()
    if args.profile.endswith(".jfr"):
        lines = jfr_collapsed(args.profile)
        if args.collapsed:
            with open(args.collapsed, "w") as out:
                out.write("".join(line + "\n" for line in lines))
    else:
        with open(args.profile) as collapsed:
            lines = [line.rstrip("\n") for line in collapsed if line.strip()]
    print("\n".join(summary(lines)))


if __name__ == "__main__":
    main()
