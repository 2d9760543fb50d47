from __future__ import annotations

import pytest

from eventcoder.cameo import event_type, event_types, is_event_code, quad_class


def test_every_cameo_code_is_there_with_root_and_goldstein():
    types = event_types()
    roots = {c for c in types if len(c) == 2}
    assert roots == {f"{n:02d}" for n in range(1, 21)}
    assert len(types) >= 310
    for code, t in types.items():
        assert t.root == code[:2]
        assert -10.0 <= t.goldstein <= 10.0
        assert t.name


@pytest.mark.parametrize(("root", "quad"), [("01", 1), ("05", 1), ("06", 2), ("08", 2), ("09", 3),
                                            ("13", 3), ("14", 4), ("20", 4)])
def test_quad_class_rule(root, quad):
    assert quad_class(root) == quad


def test_known_facts():
    assert event_type("0214").name.startswith("Appeal for intelligence")
    assert event_type("190").goldstein == -10.0
    assert event_type("1124").quad_class == 3
    assert is_event_code("057") and not is_event_code("999") and not is_event_code("57")


def test_quad_class_rejects_non_roots():
    with pytest.raises(ValueError):
        quad_class("21")
