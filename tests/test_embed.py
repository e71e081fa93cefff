"""The numpy all-MiniLM-L6-v2: hash check at load, and vectors as sentence-transformers gives them."""
from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from eventwire import embed
from eventwire.errors import ModelIntegrityError


def _installed() -> bool:
    try:
        embed.model_dir()
        import safetensors  # noqa: F401
        import tokenizers  # noqa: F401
    except (ModelIntegrityError, ImportError):
        return False
    return True


needs_model = pytest.mark.skipif(not _installed(), reason=f"embedding model not installed ({embed.PIN}, --no-deps)")


def test_missing_package_is_a_typed_error(monkeypatch):
    monkeypatch.setattr(embed.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ModelIntegrityError, match="--no-deps"):
        embed.model_dir()


def test_missing_weights_file_is_a_typed_error(tmp_path: Path):
    with pytest.raises(ModelIntegrityError, match="missing"):
        embed.verify_weights(tmp_path)


@needs_model
def test_hash_check_rejects_a_flipped_byte(tmp_path: Path):
    src = embed.model_dir() / embed.WEIGHTS
    shutil.copyfile(src, tmp_path / embed.WEIGHTS)
    assert embed.verify_weights(tmp_path) == tmp_path / embed.WEIGHTS  # the intact copy passes
    with open(tmp_path / embed.WEIGHTS, "r+b") as fh:
        fh.seek(50_000_000)
        byte = fh.read(1)
        fh.seek(50_000_000)
        fh.write(bytes([byte[0] ^ 0x01]))
    with pytest.raises(ModelIntegrityError, match="sha256"):
        embed.MiniLM(tmp_path)


@needs_model
def test_vector_matches_sentence_transformers():
    # first dimensions of SentenceTransformer(all-MiniLM-L6-v2).encode("Troops shelled the town."),
    # computed once with torch 2.13 + sentence-transformers 6.2 from the same package
    expected = np.array([0.03802031, 0.11863158, -0.00191475, 0.0393216, 0.00122019, -0.01010983])
    v = embed.embed(["Troops shelled the town."])
    assert v.shape == (1, 384) and v.dtype == np.float32
    np.testing.assert_allclose(v[0, :6], expected, atol=1e-5)


@needs_model
def test_unit_norm_deterministic_and_meaningful():
    texts = ["Troops shelled the town overnight.",
             "The army bombarded the village with artillery during the night.",
             "The central bank raised interest rates by a quarter point.",
             "  Troops shelled the town overnight.  "]  # stripped as sentence-transformers does
    v = embed.embed(texts)
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    np.testing.assert_array_equal(v, embed.embed(texts))
    assert v[0] @ v[1] > 0.5 > v[0] @ v[2] + 0.3
    np.testing.assert_allclose(v[0], v[3], atol=1e-6)


@needs_model
def test_batching_and_padding_do_not_change_vectors():
    short = "Rebels seized the airport."
    long = " ".join(["Fighting continued around the northern districts of the city for a third day."] * 8)
    alone = embed.embed([short])[0]
    together = embed.embed([long, short, long], batch_size=2)
    np.testing.assert_allclose(together[1], alone, atol=1e-5)
    np.testing.assert_allclose(together[0], together[2], atol=1e-6)


@needs_model
def test_empty_input_and_overlong_text():
    assert embed.embed([]).shape == (0, 384)
    v = embed.embed(["", "word " * 2000])  # truncated to 256 word pieces like sentence-transformers
    assert v.shape == (2, 384) and np.all(np.isfinite(v))
