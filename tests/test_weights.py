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
