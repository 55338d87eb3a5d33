"""Mint a development token: `python -m inburgering_shared.tokens --role klantmanager --gemeente GM0171`.

Signs with AUTH_JWT_SECRET (HS256). Production tokens come from the identity provider.
"""

from __future__ import annotations

import argparse
import os
import sys

from .auth import Role, mint_token


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--role", action="append", required=True, choices=[r.value for r in Role])
    parser.add_argument(
        "--gemeente", action="append", required=True, help="CBS gemeentecode such as GM0171 (repeatable)"
    )
    parser.add_argument("--client-id", default="dev-cli")
    parser.add_argument("--user-id", default="")
    parser.add_argument("--ttl", type=int, default=8 * 3600, help="seconds")
    args = parser.parse_args(argv)
    secret = os.environ.get("AUTH_JWT_SECRET")
    if not secret:
        print("AUTH_JWT_SECRET is not set", file=sys.stderr)
        return 2
    print(
        mint_token(
            secret,
            client_id=args.client_id,
            roles=args.role,
            gemeenten=args.gemeente,
            user_id=args.user_id,
            user_representation=args.user_id,
            ttl_seconds=args.ttl,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
