#!/usr/bin/env python3
"""Print CMAKE_ARGS for building llama-cpp-python on this CPU.

llama.cpp's default `GGML_NATIVE=ON` compiles with -march=native, which turns on AMX on
Sapphire Rapids and newer Xeons. Many VMs advertise AMX in CPUID but do not enable its
register state, so the first matrix multiply dies with SIGILL ("Illegal instruction").
This script asks for the same SIMD levels as -march=native would, AMX excepted. AVX-512
roughly doubles prompt processing over AVX2 where the CPU has it. On non-x86 machines it
prints nothing, and the default native build is right.
"""

from __future__ import annotations

import platform
from pathlib import Path

FLAGS = [  # (cpuinfo flag, cmake option)
    ("avx", "GGML_AVX"),
    ("avx2", "GGML_AVX2"),
    ("fma", "GGML_FMA"),
    ("f16c", "GGML_F16C"),
    ("bmi2", "GGML_BMI2"),
    ("avx_vnni", "GGML_AVX_VNNI"),
    ("avx512f", "GGML_AVX512"),
    ("avx512vbmi", "GGML_AVX512_VBMI"),
    ("avx512_vnni", "GGML_AVX512_VNNI"),
    ("avx512_bf16", "GGML_AVX512_BF16"),
]


def cmake_args() -> str:
    if platform.machine().lower() not in ("x86_64", "amd64"):
        return ""
    try:
        info = Path("/proc/cpuinfo").read_text()
    except OSError:
        return ""
    flags = next((line.split(":", 1)[1].split() for line in info.splitlines() if line.startswith("flags")), [])
    options = ["-DGGML_NATIVE=OFF"] + [f"-D{opt}=ON" for flag, opt in FLAGS if flag in flags]
    return " ".join(options)


if __name__ == "__main__":
    print(cmake_args())
