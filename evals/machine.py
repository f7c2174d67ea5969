"""What the figures were measured on: CPU model, cores, Python, OS, and the process's peak memory."""

from __future__ import annotations

import os
import platform
import resource
import sys
from pathlib import Path

from pydantic import BaseModel


class Machine(BaseModel):
    cpu: str
    cores: int
    python: str
    os: str


def cpu_model() -> str:
    """The CPU model name from /proc/cpuinfo (Linux), else what ``platform`` knows."""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unknown"


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def machine() -> Machine:
    return Machine(
        cpu=cpu_model(),
        cores=usable_cores(),
        python=f"{platform.python_implementation()} {sys.version.split()[0]}",
        os=f"{platform.system()} {platform.release()}",
    )


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB (``ru_maxrss`` is KB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024
