"""Every shipped model refuses weights whose sha256 differs from its card."""
from __future__ import annotations

import json
import shutil

import pytest

from eventwire.errors import ModelIntegrityError
from eventwire.extract import location_model, role_model


@pytest.mark.parametrize("module", [location_model, role_model])
def test_shipped_weights_are_hash_checked(module, tmp_path, monkeypatch):
    for name in (module.WEIGHTS, module.CARD):
        shutil.copy(module.MODEL_DIR / name, tmp_path / name)
    assert set(json.loads((tmp_path / module.CARD).read_text())["training_data"][0]) >= {"file", "sha256"}
    (tmp_path / module.WEIGHTS).write_bytes((tmp_path / module.WEIGHTS).read_bytes() + b"x")
    monkeypatch.setattr(module, "MODEL_DIR", tmp_path)
    module.shipped.cache_clear()
    try:
        with pytest.raises(ModelIntegrityError, match="sha256"):
            module.shipped()
    finally:
        module.shipped.cache_clear()


def test_written_weights_load_back_and_any_change_is_refused(tmp_path):
    from eventwire.extract import weights

    w, c = tmp_path / "m" / "x.npz", tmp_path / "m" / "x.json"
    assert weights.write(w, c, b"\x00\x01weights", {"model": "toy", "params": {"l2": 1.0}}) == f"wrote {w} (9 bytes) and {c.name}"
    card, data = weights.checked(w, c, tool="tools/train_x.py")
    assert data == b"\x00\x01weights" and list(card)[:3] == ["model", "weights", "weights_sha256"]
    assert card["weights"] == "x.npz" and card["params"] == {"l2": 1.0}
    w.write_bytes(b"\x00\x01weightz")
    with pytest.raises(ModelIntegrityError, match="tools/train_x.py"):
        weights.checked(w, c, tool="tools/train_x.py")
    assert weights.checked(tmp_path / "none.npz", c, tool="t") is None
