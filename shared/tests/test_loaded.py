"""`db.loaded`: an object built from a Core row reads like one the ORM built, also as a process's
first use of its mappers (a service's first request)."""

import subprocess
import sys
import textwrap

FIRST_USE = textwrap.dedent(
    """
    import uuid
    from datetime import date

    from inburgering_shared.db import loaded
    from pip_service.deadlines.models import Deadline

    values = {c.name: None for c in Deadline.__table__.c}
    values.update(id=uuid.UUID(int=1), soort="pip-vaststellen", vervaldatum=date(2026, 4, 1))
    deadline = loaded(Deadline, values)
    assert deadline.id == uuid.UUID(int=1) and deadline.vervaldatum == date(2026, 4, 1)
    assert deadline.afgehandeld_op is None
    print("ok")
    """
)


def test_an_object_built_from_a_row_reads_in_a_fresh_process() -> None:
    done = subprocess.run([sys.executable, "-c", FIRST_USE], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr
