"""Figures as data: routines.json checks them, the store keeps them, old records have none."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from planner.domain.base_poses import BASE_POSES, base_pose_id, figure_between
from planner.domain.catalogue import CatalogueError, load_catalogue, parse_catalogue
from planner.domain.figure import Pose, Support, figure_to_doc, parse_figure, pose_to_doc
from planner.domain.models import Settings
from planner.storage import open_store
from planner.storage.codec import exercise_from_doc, exercise_to_doc, settings_from_doc
from tests.unit.catalogue.conftest import valid_document
from tests.unit.storage.samples import custom_exercise


def refusal(doc: dict[str, Any]) -> CatalogueError:
    with pytest.raises(CatalogueError) as caught:
        parse_catalogue(json.dumps(doc).encode(), source="routines.json")
    return caught.value


def with_squat_figure(change: dict[str, Any]) -> dict[str, Any]:
    doc = valid_document()
    squat = doc["exercises"][6]
    assert squat["id"] == "deep-squat"
    squat["figure"] = squat["figure"] | change
    return doc


class TestCatalogueChecksFigures:
    """A bad figure in routines.json is refused with the file, the exercise and the field."""

    def test_a_missing_angle(self) -> None:
        """A pose without its trunk angle."""
        doc = valid_document()
        del doc["exercises"][6]["figure"]["end"]["trunk"]
        error = refusal(doc)
        assert (error.exercise, error.field) == ("deep-squat", "figure.end.trunk")
        assert str(error) == (
            'routines.json: exercise "deep-squat": field "figure.end.trunk": is missing'
        )

    @pytest.mark.parametrize("angle", ["ninety", True, 1e9, None, [90]])
    def test_an_angle_that_is_not_one(self, angle: object) -> None:
        """Text, booleans, huge numbers, null and lists are not angles."""
        doc = valid_document()
        doc["exercises"][6]["figure"]["start"]["thigh"] = angle
        error = refusal(doc)
        assert error.field == "figure.start.thigh"
        assert "angle in degrees" in error.problem

    def test_an_unknown_body_part(self) -> None:
        """A misspelt part is named, with the parts there are."""
        doc = valid_document()
        doc["exercises"][6]["figure"]["start"]["tail"] = 10
        error = refusal(doc)
        assert error.field == "figure.start.tail"
        assert "far_thigh" in error.problem

    def test_an_unknown_support(self) -> None:
        """What the body rests on is one of three."""
        error = refusal(
            with_squat_figure({"start": {"on": "sofa", "trunk": 90, "thigh": -90, "shin": -90}})
        )
        assert error.field == "figure.start.on"
        assert '"floor", "chair", "wall"' in error.problem

    def test_a_figure_without_an_end(self) -> None:
        """Both poses are needed."""
        doc = valid_document()
        del doc["exercises"][6]["figure"]["end"]
        assert refusal(doc).field == "figure.end"

    def test_an_unknown_working_part(self) -> None:
        """The working parts are named from the same list as the angles."""
        error = refusal(with_squat_figure({"working": ["thigh", "tail"]}))
        assert error.field == "figure.working"
        assert "item 2" in error.problem

    def test_an_extra_field_in_a_figure(self) -> None:
        """Only start and end."""
        assert refusal(with_squat_figure({"middle": {}})).field == "figure.middle"

    def test_a_figure_is_optional(self) -> None:
        """An exercise without one loads, and has none."""
        doc = valid_document()
        del doc["exercises"][6]["figure"]
        catalogue = parse_catalogue(json.dumps(doc).encode(), source="routines.json")
        assert catalogue.get("deep-squat").figure is None


class TestDefaults:
    """The angles a pose may leave out."""

    def test_what_follows_from_the_trunk_and_shin(self) -> None:
        """Head along the trunk, arms hanging, forearm straight, foot square, far limbs copied."""
        pose = parse_figure(
            {
                "start": {"on": "floor", "trunk": 90, "thigh": -90, "shin": -80},
                "end": {"on": "chair", "trunk": 90, "thigh": 0, "shin": -90, "far_shin": -70},
            }
        )
        start, end = pose.start, pose.end
        assert (start.head, start.arm, start.forearm, start.foot) == (90, 270, 270, 10)
        assert (start.far_thigh, start.far_shin, start.far_foot) == (-90, -80, 10)
        assert (end.on, end.far_shin, end.far_foot) == (Support.CHAIR, -70, 20)

    def test_every_builtin_figure_written_out_reads_back_equal(self) -> None:
        """figure_to_doc and parse_figure round-trip routines.json's figures, working parts too."""
        for exercise in load_catalogue():
            assert exercise.figure is not None
            assert exercise.figure.working
            assert parse_figure(figure_to_doc(exercise.figure)) == exercise.figure

    def test_a_pose_written_out_reads_back_equal(self) -> None:
        """pose_to_doc and parse_figure round-trip every base pose."""
        for _label, pose in BASE_POSES.values():
            doc = {"start": pose_to_doc(pose), "end": pose_to_doc(pose)}
            assert parse_figure(doc).start == pose


class TestStoredFigures:
    """Custom exercises keep their figure in the data file."""

    def test_a_custom_figure_survives_reopening(self, tmp_path: Path) -> None:
        """Saved with two base poses, read back equal after closing the file."""
        own = replace(
            custom_exercise(), figure=figure_between("wall-sit", "standing-back-to-a-wall")
        )
        store = open_store(tmp_path / "planner.json")
        store.save_custom_exercise(own)
        store.close()
        store = open_store(tmp_path / "planner.json")
        try:
            assert store.custom_exercises() == [own]
        finally:
            store.close()

    def test_an_old_record_has_no_figure(self) -> None:
        """A custom exercise stored before figures existed loads without one."""
        doc = exercise_to_doc(custom_exercise())
        del doc["figure"]
        assert exercise_from_doc(doc).figure is None

    def test_old_settings_move_the_figure(self) -> None:
        """Settings saved before the motion switch existed get the default: motion on."""
        assert settings_from_doc({"bell": False}) == Settings(bell=False, figure_motion=True)


def test_base_poses_are_found_by_value() -> None:
    """The form finds which base pose a stored pose is, and None for one not on the list."""
    assert base_pose_id(BASE_POSES["squatting"][1]) == "squatting"
    assert base_pose_id(Pose.of(Support.FLOOR, 91, -90, -90)) is None
