"""Run `python -m MODULE ARGS` from the current folder, then print the process's peak memory on stderr.

Run (as children.py does): python benchmarks/peak.py MODULE [ARGS...]

The peak is read from the process's own VmHWM when it exits, as a line `@@peak-kb N`. The ru_maxrss
that os.wait4 gives the parent is no use here: Linux carries the high-water mark across fork and exec,
so a child would show the memory of the benchmark process it was forked from.
"""

from __future__ import annotations

import atexit
import os
import runpy
import sys


def report_peak() -> None:
    """Write this process's peak resident memory (kB) to stderr, where the parent looks for it."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    sys.stderr.write("\n@@peak-kb " + line.split()[1] + "\n")
                    sys.stderr.flush()
    except OSError:
        pass


def main() -> None:
    """Run the module as `python -m` would, with the current folder first on the path."""
    # The project being measured is the current folder (a synthetic copy with its own generator):
    # that generator must win over this script's folder and over the installed one, as with -m.
    sys.path[0] = os.getcwd()
    atexit.register(report_peak)
    module = sys.argv[1]
    sys.argv = [module, *sys.argv[2:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
