"""The difference between two versions of a PIP, field by field."""

from typing import Any


def _plat(waarde: Any, pad: str, uit: dict[str, Any]) -> None:
    if isinstance(waarde, dict) and waarde:
        for sleutel, deel in waarde.items():
            _plat(deel, f"{pad}/{sleutel}", uit)
    elif isinstance(waarde, list) and waarde:
        for index, deel in enumerate(waarde):
            _plat(deel, f"{pad}/{index}", uit)
    else:
        uit[pad] = waarde


def verschil(oud: dict[str, Any], nieuw: dict[str, Any]) -> list[dict[str, Any]]:
    """Every changed leaf as `{pad, oud, nieuw}` (paths in JSON Pointer form, RFC 6901), sorted by path.

    A leaf present on one side only has `None` on the other. Keys are not
    escaped: the PIP's keys are plain field names.
    """
    links: dict[str, Any] = {}
    rechts: dict[str, Any] = {}
    _plat(oud, "", links)
    _plat(nieuw, "", rechts)
    return [
        {"pad": pad, "oud": links.get(pad), "nieuw": rechts.get(pad)}
        for pad in sorted(links.keys() | rechts.keys())
        if links.get(pad) != rechts.get(pad)
    ]
