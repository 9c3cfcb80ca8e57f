"""What the loopback drills share (Tests/drill, Tests/cluster): their log lines, failing on the first broken
promise, running a tool and psql, the processes they start and stop, and a load of client threads."""
import atexit
import os
import signal
import subprocess
import sys
import threading
import time

LABEL = ["drill"]
# Processes started by the drill, by name; each runs in its own session so that its children go with it.
processes = {}


def log(message):
    print(f"[{LABEL[0]} {time.strftime('%H:%M:%S')}] {message}", flush=True)


def fail(message):
    log("FAILED: " + message)
    sys.exit(1)


@atexit.register
def stop_all():
    for process in processes.values():
        if process.poll() is None:
            # A process group: nginx's workers, say, are its master's children.
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def start(name, command, output):
    """`command` in a session of its own, writing to the file `output`, stopped when the drill ends."""
    process = subprocess.Popen(command, stdout=open(output, "ab"), stderr=subprocess.STDOUT, start_new_session=True)
    processes[name] = process
    return process


def run(command, env=None, check=True):
    result = subprocess.run(command, env={**os.environ, **(env or {})}, capture_output=True, text=True)
    if check and result.returncode != 0:
        fail(f"{' '.join(command)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result


def psql(socket, sql, database="thidua"):
    return run(["psql", "-X", "-h", socket, "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-Atc", sql]).stdout.strip()


class Load:
    """`clients` threads running `client(number)` until the `with` block ends; `client` checks `self.stop`."""

    def __init__(self, clients):
        self.lock, self.stop, self.sequence = threading.Lock(), threading.Event(), 0
        self.threads = [threading.Thread(target=self.client, args=(n,), daemon=True) for n in range(clients)]

    def next_number(self):
        with self.lock:
            self.sequence += 1
            return self.sequence

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *_):
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=60)
