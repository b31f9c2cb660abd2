"""The pinned model: verified before use, and the NumPy query encoder agrees with
sentence-transformers (the reference implementation) on the same text."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from assistant.retrieval.errors import ModelIntegrityError
from assistant.retrieval.model_files import ModelPin, load_pin, verify_model


def test_installed_model_matches_the_pin():
    model = verify_model()
    assert (model.path / "model.safetensors").is_file() and len(model.hash) == 16


def test_tampered_weights_refuse_to_start(tmp_path):
    real = verify_model()
    for name in load_pin().files:
        shutil.copy(real.path / name, tmp_path / name)
    with open(tmp_path / "tokenizer.json", "a", encoding="utf-8") as handle:
        handle.write(" ")
    with pytest.raises(ModelIntegrityError, match="tokenizer.json has sha256 .* refusing to start"):
        verify_model(tmp_path)


def test_missing_file_and_missing_package_are_named(tmp_path):
    with pytest.raises(ModelIntegrityError, match="missing"):
        verify_model(tmp_path)
    pin = ModelPin(package="no_such_model_package_xyz", directory="model", max_tokens=256, files={})
    with pytest.raises(ModelIntegrityError, match="not installed"):
        verify_model(pin=pin)


@pytest.mark.slow
def test_numpy_encoder_matches_sentence_transformers():
    from assistant.retrieval.dense import encode_passages
    from assistant.retrieval.encoder import MiniLMEncoder

    model = verify_model()
    texts = ["can I do the DASH over the phone?", "Officers should see each child to check they are safe.",
             "x" * 3000, "¿violencia doméstica?"]
    reference = encode_passages(model.path, texts)
    ours = np.stack([MiniLMEncoder(model.path, model.max_tokens).encode(t) for t in texts])
    assert np.allclose(np.sum(reference * ours, axis=1), 1.0, atol=1e-4)
