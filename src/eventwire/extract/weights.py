"""Shipped model weights are read only once their sha256 matches the card written with them."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from ..errors import ModelIntegrityError


def checked(weights_path: Path, card_path: Path, *, tool: str) -> tuple[dict[str, Any], bytes] | None:
    """(card, weight bytes) once the bytes' sha256 matches the card's ``weights_sha256``; None when either
    file is missing. A mismatch raises :class:`ModelIntegrityError` naming ``tool``, the script that retrains."""
    if not card_path.is_file() or not weights_path.is_file():
        return None
    card = json.loads(card_path.read_text(encoding="utf-8"))
    data = weights_path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != card.get("weights_sha256"):
        raise ModelIntegrityError(f"{weights_path} has sha256 {digest[:12]}…, its card says "
                                  f"{str(card.get('weights_sha256'))[:12]}…; retrain with {tool} or reinstall eventwire")
    return card, data


def write(weights_path: Path, card_path: Path, data: bytes, card: dict[str, Any]) -> str:
    """Write the weights and their card, the card stamped with the weights' file name and sha256 (after its
    ``model`` line), the counterpart of :func:`checked`; returns a line saying what was written."""
    head = {k: card[k] for k in ("model",) if k in card}
    full = {**head, "weights": weights_path.name, "weights_sha256": hashlib.sha256(data).hexdigest(),
            **{k: v for k, v in card.items() if k not in head}}
    weights_path.parent.mkdir(parents=True, exist_ok=True)
    weights_path.write_bytes(data)
    card_path.write_text(json.dumps(full, indent=2) + "\n", encoding="utf-8")
    return f"wrote {weights_path} ({len(data)} bytes) and {card_path.name}"
