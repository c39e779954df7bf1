"""The quality gate's floors: read, check, and raise them (never lower without --allow-lower).

Usage::

    python eval/gate.py show
    python eval/gate.py set ecbplus_dev bcubed_f1 0.91            # refuses to lower a floor
    python eval/gate.py set ecbplus_dev bcubed_f1 0.88 --allow-lower

Floors live in ``eval/floors.json``: ``{gold set: {metric: floor}}``. tests/test_evaluate.py
fails when a score falls below its floor.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path

FLOORS = Path(__file__).resolve().parent / "floors.json"


def load_floors(path: Path = FLOORS) -> dict[str, dict[str, float]]:
    """The floors file as a dictionary."""
    data: dict[str, dict[str, float]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def below_floor(scores: Mapping[str, float | int], floors: Mapping[str, float]) -> list[str]:
    """One line per metric that scored below its floor (empty when all pass)."""
    return [
        f"{metric} {scores.get(metric, 0.0)} is below its floor {floor}"
        for metric, floor in sorted(floors.items())
        if float(scores.get(metric, 0.0)) < floor
    ]


def set_floor(
    name: str, metric: str, value: float, *, allow_lower: bool = False, path: Path = FLOORS
) -> None:
    """Set one floor; lowering one needs ``allow_lower`` (floors only go up)."""
    floors = load_floors(path)
    current = floors.get(name, {}).get(metric)
    if current is not None and value < current and not allow_lower:
        msg = (
            f"refusing to lower the floor of {name} {metric} from {current} to {value}: "
            "floors only go up; pass --allow-lower if the drop is intended and explained"
        )
        raise ValueError(msg)
    floors.setdefault(name, {})[metric] = value
    path.write_text(json.dumps(floors, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("show")
    setter = sub.add_parser("set")
    setter.add_argument("name")
    setter.add_argument("metric")
    setter.add_argument("value", type=float)
    setter.add_argument("--allow-lower", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "show":
        sys.stdout.write(json.dumps(load_floors(), indent=2, sort_keys=True) + "\n")
        return 0
    try:
        set_floor(args.name, args.metric, args.value, allow_lower=args.allow_lower)
    except ValueError as e:
        sys.stderr.write(f"error: {e}\n")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
