"""A bench app (the baseline, the webhook receiver) served as Carepost is served
(carepost/serving.py: uvicorn, each worker on a socket of its own), so that a ratio
compares the apps and not two ways of serving them.

    python -m bench.serve bench.baseline:app --port 8702 --workers 2
"""

from __future__ import annotations

import argparse

from carepost import serving


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.serve")
    parser.add_argument("app", help="the app's import string, module:attribute")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    serving.run(args.app, host="127.0.0.1", port=args.port, workers=args.workers)


if __name__ == "__main__":
    main()
