"""Start-up of the bundle against the venv: launch until the first window is shown, both
measured in the same run, interleaved, and the ratio (the target: bundle ≤ 1.2 × venv).

Each start is a fresh process with `--exit-after shown` (ui.application prints `ready-at` and
the monotonic clock once the window is shown, then quits); `loaded` adds opening the sample
course and filling Home. The venv's is `python -P -m app` as the app starts itself; the
bundle's is dist/kap-companion/kap-companion, built by scripts/build-bundle.sh. Both offscreen,
after two warm-up rounds. It reports; it exits 0 unless a start fails.

Run from the repository root:

    .venv/bin/python benchmarks/bundle_startup.py [--rounds 15] [--bundle dist/kap-companion]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.startup import WARM_UP_ROUNDS, environment, interleaved  # noqa: E402

TARGET_RATIO = 1.2


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=15, help="measured rounds (default 15)")
    parser.add_argument("--bundle", default=str(ROOT / "dist" / "kap-companion"))
    args = parser.parse_args(argv)
    program = Path(args.bundle).absolute() / "kap-companion"
    if not program.is_file():
        sys.exit(f"There is no bundle at {program.parent}; build it with scripts/build-bundle.sh.")
    env = environment()
    with tempfile.TemporaryDirectory(prefix="kap-bundle-bench-") as temp:
        empty, sample = Path(temp) / "empty", Path(temp) / "sample"
        subprocess.run(
            [str(program), "--data-dir", str(sample), "demo"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        starts = {
            "venv": [sys.executable, "-P", "-m", "app"],
            "bundle": [str(program)],
        }
        variants = {
            f"{name}, {stage}": [*start, "--data-dir", str(folder), "--exit-after", stage]
            for stage, folder in (("shown", empty), ("loaded", sample))
            for name, start in starts.items()
        }
        names = list(variants)
        samples = interleaved(variants, args.rounds, env)
    medians = {name: statistics.median(t.ready for t in runs) for name, runs in samples.items()}
    print(
        f"KAP Companion start-up, bundle vs venv: {args.rounds} rounds after {WARM_UP_ROUNDS} "
        f"warm-up, {os.cpu_count()} CPUs, offscreen"
    )
    for name in names:
        print(f"  {name:<16} median {medians[name] * 1000:6.0f} ms")
    for stage in ("shown", "loaded"):
        ratio = medians[f"bundle, {stage}"] / medians[f"venv, {stage}"]
        verdict = "within" if ratio <= TARGET_RATIO else "OVER"
        print(f"  {stage:<7} bundle / venv = {ratio:.2f} ({verdict} the {TARGET_RATIO}× target)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
